using MassTransit;
using Microsoft.Extensions.Logging;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Results;

namespace OrderSync.Worker.Saga.Activities;

public sealed class ApplyOperationFailedActivity(OrderSyncMetrics metrics, ILogger<ApplyOperationFailedActivity> logger) :
    IStateMachineActivity<OrderSyncState, WalmartOperationFailed>
{
    public async Task Execute(BehaviorContext<OrderSyncState, WalmartOperationFailed> context, IBehavior<OrderSyncState, WalmartOperationFailed> next)
    {
        var failed = context.Message;
        var operation = context.Saga.FindOperation(failed.OperationId);
        var copyOfLastFailure = operation?.FailedAttempts is { } last && failed.Attempts <= last;
        if (operation is null || operation.Status is OperationStatus.Failed or OperationStatus.Succeeded || copyOfLastFailure)
        {
            logger.LogInformation("Order {PurchaseOrderId}: outcome of operation {OperationId} already applied", context.Saga.PurchaseOrderId, failed.OperationId);

            // A redelivery: what the first run sent after its commit may never have left (the outbox is in memory), so send it
            // again, also when the operation already runs again. Another run's failure of an operation already failed (a copy of
            // its command) tells Commerce nothing new. A failure applied before attempts were kept counts as the last one.
            var lastFailureAgain = operation?.FailedAttempts is null || failed.Attempts == operation.FailedAttempts;
            if (operation is { Status: not OperationStatus.Succeeded } && lastFailureAgain)
            {
                await context.SendSyncResult(FailedResult(context.Saga, operation, failed));
            }

            await context.ResendInFlightOperation();
        }
        else
        {
            context.Saga.ApplyFailure(operation, failed.StatusDetails);
            operation.FailedAttempts = failed.Attempts;
            var result = FailedResult(context.Saga, operation, failed);
            await context.SendSyncResult(result);
            metrics.Synced(result.Type, operation.CausationTime ?? result.Time, result.Time);
            if (context.Saga.RetryWithTrackSavedMeanwhile(operation))
            {
                logger.LogInformation(
                    "Order {PurchaseOrderId}: operation {OperationId} runs again with the track saved while it ran", context.Saga.PurchaseOrderId, operation.OperationId);
            }
        }

        await next.Execute(context);
    }

    private static SyncResultCloudEvent FailedResult(OrderSyncState saga, OperationRecord operation, WalmartOperationFailed failed)
    {
        var kind = operation.Kind switch
        {
            WalmartOperationKind.Cancel => SyncOperations.Cancellation,
            WalmartOperationKind.UpdateTracking => SyncOperations.TrackingUpdate,
            _ => SyncOperations.Shipment,
        };
        return SyncResults.Failed(
            saga, kind, operation.CausationId, failed.StatusDetails, failed.ErrorSource, failed.WalmartErrors, failed.Attempts, failed.FailedAt, operation.OperationId);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, WalmartOperationFailed, TException> context, IBehavior<OrderSyncState, WalmartOperationFailed> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("apply-operation-failed");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
