using MassTransit;
using Microsoft.Extensions.Logging;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Results;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>
/// An event already applied came again. A copy changes nothing, but if an operation is in flight its command is sent again,
/// and an event refused without an operation sends its Error result again: what the first sent may never have left (the
/// outbox is not transactional); the operation consumer ignores a second command, and Commerce a result it already has.
/// An event under the same id with other contents is no copy: it is dead-lettered.
/// </summary>
public sealed class ResendOperationInFlightActivity<TEvent>(ILogger<ResendOperationInFlightActivity<TEvent>> logger) :
    IStateMachineActivity<OrderSyncState, TEvent>
    where TEvent : class, IOrderEvent
{
    public async Task Execute(BehaviorContext<OrderSyncState, TEvent> context, IBehavior<OrderSyncState, TEvent> next)
    {
        var applied = context.Message.Context;
        if (context.Saga.ConflictsWithApplied(applied))
        {
            throw ConflictingEventException.For(applied, "applied to");
        }

        logger.LogInformation("Order {PurchaseOrderId}: event {EventId} was already applied", context.Saga.PurchaseOrderId, applied.EventId);
        if (context.Saga.RefusedEvents.FirstOrDefault(r => r.EventId == applied.EventId) is { } refused)
        {
            await context.SendSyncResult(SyncResults.Refused(context.Saga, refused));
        }

        await context.ResendInFlightOperation();

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, TEvent, TException> context, IBehavior<OrderSyncState, TEvent> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("resend-operation-in-flight");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
