using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>
/// Lets an event through when its turn has come; holds one that came before an earlier event of its order, with a timer for
/// when it has waited <see cref="WorkerOptions.ArrivalOrderWait"/>. A held event's message is acknowledged: the state keeps it.
/// </summary>
public sealed class ArrivalOrderActivity<TEvent>(
    IOptions<WorkerOptions> options, TimeProvider clock, IHeldEventTimer timer, OrderSyncMetrics metrics, ILogger<ArrivalOrderActivity<TEvent>> logger) :
    IStateMachineActivity<OrderSyncState, TEvent>
    where TEvent : class, IOrderEvent
{
    public async Task Execute(BehaviorContext<OrderSyncState, TEvent> context, IBehavior<OrderSyncState, TEvent> next)
    {
        var arrival = context.Message.Context;
        if (context.Saga.ConflictsWithHeld(arrival))
        {
            throw ConflictingEventException.For(arrival, "held for");
        }

        var (now, wait, reached) = (clock.GetUtcNow(), options.Value.ArrivalOrderWait, context.Saga.LastArrivalSequence);
        if (context.Saga.ComesEarly(arrival, now, wait))
        {
            if (context.Saga.Hold(context.Message))
            {
                logger.LogInformation(
                    "Order {PurchaseOrderId}: holding event {EventId} (number {Sequence}) until the events before it, from number {Next}, are applied",
                    arrival.PurchaseOrderId, arrival.EventId, arrival.ArrivalSequence, reached + 1);
            }

            // A copy of a held event sets the timer again: the first timer left only after the commit, from memory, and may be
            // lost with the process; a release judged early by an instance whose clock is behind comes back here too.
            await timer.WakeUpLater(context, context.Saga.CorrelationId, (arrival.ArrivedAt ?? now) + wait - now);
        }
        else
        {
            if (arrival.ArrivalSequence > reached + 1)
            {
                metrics.AppliedOutOfArrivalOrder();
                logger.LogWarning(
                    "Order {PurchaseOrderId}: applying event {EventId} (number {Sequence}) without events {FirstMissing} to {LastMissing}, " +
                    "which have not reached the saga within {ArrivalOrderWait}",
                    arrival.PurchaseOrderId, arrival.EventId, arrival.ArrivalSequence, reached + 1, arrival.ArrivalSequence - 1, wait);
            }

            context.Saga.Admit(arrival);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, TEvent, TException> context, IBehavior<OrderSyncState, TEvent> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("arrival-order");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
