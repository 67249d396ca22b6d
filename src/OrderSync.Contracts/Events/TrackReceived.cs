namespace OrderSync.Contracts.Events;

/// <summary>A tracking number added to, or changed on, a Commerce shipment.</summary>
public sealed record TrackReceived : IOrderEvent
{
    public required Guid CorrelationId { get; init; }
    public required OrderEventContext Context { get; init; }
    public required string ShipmentId { get; init; }
    public required ShipmentTrack Track { get; init; }
}
