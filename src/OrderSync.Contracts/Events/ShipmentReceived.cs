namespace OrderSync.Contracts.Events;

/// <summary>A Commerce shipment of some items of a Walmart purchase order, validated by the intake.</summary>
public sealed record ShipmentReceived : IOrderEvent
{
    public required Guid CorrelationId { get; init; }
    public required OrderEventContext Context { get; init; }
    public required string ShipmentId { get; init; }
    public required string ShipmentIncrementId { get; init; }
    public required DateTimeOffset ShippedAt { get; init; }
    public required IReadOnlyList<ShipmentItem> Items { get; init; }
    public IReadOnlyList<ShipmentTrack> Tracks { get; init; } = [];
}
