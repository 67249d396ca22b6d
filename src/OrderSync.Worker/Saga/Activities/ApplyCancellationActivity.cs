using MassTransit;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Results;

namespace OrderSync.Worker.Saga.Activities;

public sealed class ApplyCancellationActivity(TimeProvider clock, OrderSyncMetrics metrics) : OrderEventActivity<CancellationRequested>
{
    protected override Task Apply(BehaviorContext<OrderSyncState, CancellationRequested> context)
    {
        var refusal = context.Saga.RecordCancellation(context.Message);
        if (refusal is null)
        {
            return Task.CompletedTask;
        }

        var result = SyncResults.Refused(context.Saga, context.Saga.Refuse(context.Message.Context.EventId, SyncOperations.Cancellation, refusal, clock.GetUtcNow()));
        metrics.Synced(result.Type, context.Message.Context.EventTime, result.Time);
        return context.SendSyncResult(result);
    }
}
