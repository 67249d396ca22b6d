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
        if (operation is null || operation.Status is OperationStatus.Failed or OperationStatus.Succeeded)
        {
            logger.LogInformation("Order {PurchaseOrderId}: outcome of operation {OperationId} already applied", context.Saga.PurchaseOrderId, failed.OperationId);
        }
        else
        {
            context.Saga.ApplyFailure(operation, failed.StatusDetails);
            var kind = operation.Kind switch
            {
                WalmartOperationKind.Cancel => SyncOperations.Cancellation,
                WalmartOperationKind.UpdateTracking => SyncOperations.TrackingUpdate,
                _ => SyncOperations.Shipment,
            };
            var result = SyncResults.Failed(
                context.Saga, kind, operation.CausationId, failed.StatusDetails, failed.ErrorSource, failed.WalmartErrors, failed.Attempts, failed.FailedAt);
            await context.SendSyncResult(result);
            metrics.Synced(result.Type, operation.CausationTime ?? result.Time, result.Time);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, WalmartOperationFailed, TException> context, IBehavior<OrderSyncState, WalmartOperationFailed> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("apply-operation-failed");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
