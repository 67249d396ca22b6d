using MassTransit;
using Microsoft.Extensions.Logging;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Results;

namespace OrderSync.Worker.Saga.Activities;

public sealed class ApplyOperationCompletedActivity(OrderSyncMetrics metrics, ILogger<ApplyOperationCompletedActivity> logger) :
    IStateMachineActivity<OrderSyncState, WalmartOperationCompleted>
{
    public async Task Execute(BehaviorContext<OrderSyncState, WalmartOperationCompleted> context, IBehavior<OrderSyncState, WalmartOperationCompleted> next)
    {
        var operation = context.Saga.FindOperation(context.Message.OperationId);
        if (operation is null || operation.Status == OperationStatus.Succeeded)
        {
            logger.LogInformation("Order {PurchaseOrderId}: completion of operation {OperationId} already applied", context.Saga.PurchaseOrderId, context.Message.OperationId);

            // A redelivery: what the first run sent after its commit may never have left (the outbox is in memory), so send it again.
            if (operation is not null)
            {
                await context.SendSyncResult(operation.Kind == WalmartOperationKind.Cancel
                    ? SyncResults.CancellationSynced(context.Saga, operation, context.Message)
                    : SyncResults.ShipmentSynced(context.Saga, operation, context.Message));
            }

            await context.ResendInFlightOperation();
        }
        else
        {
            context.Saga.ApplyCompletion(operation, context.Message);
            var result = operation.Kind == WalmartOperationKind.Cancel
                ? SyncResults.CancellationSynced(context.Saga, operation, context.Message)
                : SyncResults.ShipmentSynced(context.Saga, operation, context.Message);
            await context.SendSyncResult(result);
            metrics.Synced(result.Type, operation.CausationTime ?? result.Time, result.Time);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, WalmartOperationCompleted, TException> context, IBehavior<OrderSyncState, WalmartOperationCompleted> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("apply-operation-completed");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
