using MassTransit;

namespace OrderSync.Worker.Saga;

/// <summary>Delivers <see cref="Contracts.Events.HeldEventsDue"/> to the saga later, once the saga's state is saved.</summary>
public interface IHeldEventTimer
{
    Task WakeUpLater(ConsumeContext context, Guid correlationId, TimeSpan delay);
}
