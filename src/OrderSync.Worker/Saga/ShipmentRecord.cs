using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

public sealed class ShipmentRecord
{
    public required string ShipmentId { get; init; }

    public required string IncrementId { get; init; }

    public required string EventId { get; init; }

    public required DateTimeOffset ShippedAt { get; init; }

    public required List<ShipmentItem> Items { get; init; }

    public ShipmentTrack? Track { get; set; }

    /// <summary>The CloudEvent that gave the shipment its current track: what a ship or tracking update it causes answers.</summary>
    public string? TrackEventId { get; set; }

    /// <summary>When Commerce saved the current track: a track saved earlier that arrives later does not replace it.</summary>
    public DateTimeOffset? TrackEventTime { get; set; }

    public ShipmentStatus Status { get; set; }

    /// <summary>The Walmart lines this shipment was sent on, once Walmart accepted it.</summary>
    public List<string> WalmartLines { get; set; } = [];

    /// <summary>The tracking number Walmart last accepted for this shipment.</summary>
    public string? SentTrackingNumber { get; set; }
}
