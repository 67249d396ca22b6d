using MassTransit;
namespace OrderSync.Worker.Saga.Outbox;

/// <summary>Delivers <see cref="Contracts.Events.HeldEventsDue"/> to an order later.</summary>
public interface IHeldEventTimer
{
    Task WakeUpLater(ISendEndpointProvider sender, Guid correlationId, TimeSpan delay, CancellationToken cancellationToken);
}
