using MassTransit;
using Microsoft.Extensions.Logging;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>An operator's resync: the failed operations go back in the queue, keeping their ids and planned lines.</summary>
public sealed class ApplyResyncActivity(ILogger<ApplyResyncActivity> logger) : IStateMachineActivity<OrderSyncState, ResyncRequested>
{
    public async Task Execute(BehaviorContext<OrderSyncState, ResyncRequested> context, IBehavior<OrderSyncState, ResyncRequested> next)
    {
        var requeued = context.Saga.RequeueFailedOperations();
        logger.LogInformation("Order {PurchaseOrderId}: resync by {RequestedBy} queued {Count} failed operations again", context.Saga.PurchaseOrderId, context.Message.RequestedBy, requeued);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, ResyncRequested, TException> context, IBehavior<OrderSyncState, ResyncRequested> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("apply-resync");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
