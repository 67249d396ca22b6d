using MassTransit;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>The saga's timer for held events: a message through a wait queue back to the saga's queue, durable like any redelivery.</summary>
public sealed class WaitQueueHeldEventTimer(DelayedRedelivery redelivery) : IHeldEventTimer
{
    public Task WakeUpLater(ISendEndpointProvider sender, Guid correlationId, TimeSpan delay, CancellationToken cancellationToken) =>
        redelivery.SendLater(sender, new HeldEventsDue { CorrelationId = correlationId }, QueueNames.OrderSync, delay, cancellationToken);
}
