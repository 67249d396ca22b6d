using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Hosting;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>
/// Publishes again the held event whose turn has come, after an event was applied, or the first one that has waited its time,
/// when its timer fires. It stays held until it comes back and is applied: a release lost in a crash is made again by the
/// next event or the timer.
/// </summary>
public sealed class ReleaseHeldEventActivity<TEvent>(
    IOptions<WorkerOptions> options, TimeProvider clock, IHeldEventTimer timer, ILogger<ReleaseHeldEventActivity<TEvent>> logger) :
    IStateMachineActivity<OrderSyncState, TEvent>
    where TEvent : class
{
    public async Task Execute(BehaviorContext<OrderSyncState, TEvent> context, IBehavior<OrderSyncState, TEvent> next)
    {
        var (now, wait) = (clock.GetUtcNow(), options.Value.ArrivalOrderWait);
        var released = context.Saga.NextReleasable() ?? (context.Message is HeldEventsDue ? context.Saga.FirstDue(now, wait) : null);
        if (released is not null)
        {
            logger.LogInformation(
                "Order {PurchaseOrderId}: releasing held event {EventId} (number {Sequence})", context.Saga.PurchaseOrderId, released.EventId, released.Sequence);
            var message = released.Message();
            await context.Publish(message, message.GetType());
        }
        else if (context.Message is HeldEventsDue && context.Saga.HeldEvents.Count > 0)
        {
            // The timer came before the oldest held event's time (clocks of two instances differ): set it again.
            var oldest = context.Saga.HeldEvents.Min(h => h.ArrivedAt);
            await timer.WakeUpLater(context, context.Saga.CorrelationId, oldest + wait - now);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, TEvent, TException> context, IBehavior<OrderSyncState, TEvent> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("release-held-event");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
