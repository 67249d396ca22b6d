namespace OrderSync.Contracts.Events;

/// <summary>An order-change event from Commerce, addressed to the saga of one Walmart purchase order.</summary>
public interface IOrderEvent
{
    Guid CorrelationId { get; }

    OrderEventContext Context { get; }
}
