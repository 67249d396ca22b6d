using MassTransit;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Results;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>A Commerce event of this order failed validation: the order goes to Error and Commerce is told why.</summary>
public sealed class ApplyRejectionActivity(TimeProvider clock, OrderSyncMetrics metrics) : OrderEventActivity<CommerceEventRejected>
{
    protected override Task Apply(BehaviorContext<OrderSyncState, CommerceEventRejected> context)
    {
        var rejected = context.Message;
        context.Saga.RecordRejection(rejected);
        var result = SyncResults.Refused(context.Saga, context.Saga.Refuse(rejected.Context.EventId, rejected.Operation, rejected.Reason, clock.GetUtcNow()));
        metrics.Synced(result.Type, context.Message.Context.EventTime, result.Time);
        return context.SendSyncResult(result);
    }
}
