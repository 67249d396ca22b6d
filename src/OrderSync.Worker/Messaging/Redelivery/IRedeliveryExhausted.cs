using MassTransit;

namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>What to do, beyond dead-lettering, when a message has failed for the whole redelivery horizon.</summary>
public interface IRedeliveryExhausted<in T>
    where T : class
{
    Task Exhausted(ConsumeContext<T> context, Exception lastFailure);
}
