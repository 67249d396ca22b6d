using MassTransit;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Saga;

namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>The saga's timer for held events: a message through a wait queue back to the saga's queue, durable like any redelivery.</summary>
public sealed class WaitQueueHeldEventTimer(DelayedRedelivery redelivery) : IHeldEventTimer
{
    public Task WakeUpLater(ConsumeContext context, Guid correlationId, TimeSpan delay) =>
        redelivery.SendLater(context, new HeldEventsDue { CorrelationId = correlationId }, QueueNames.OrderSync, delay);
}
