namespace OrderSync.Contracts.Events;

/// <summary>A Commerce event of this order that cannot be applied as it is; the order shows Error until a good one comes.</summary>
public sealed record CommerceEventRejected : IOrderEvent
{
    public required Guid CorrelationId { get; init; }
    public required OrderEventContext Context { get; init; }

    /// <summary>The contract's operation name: shipment, tracking-update or cancellation.</summary>
    public required string Operation { get; init; }

    public required string Reason { get; init; }
}
