using System.Text.Json.Serialization;
using OrderSync.Contracts.Events;

namespace OrderSync.Domain.State;

public sealed class ShipmentRecord
{
    public required string ShipmentId { get; init; }

    public required string IncrementId { get; init; }

    public required string EventId { get; init; }

    public required DateTimeOffset ShippedAt { get; init; }

    public required IReadOnlyList<ShipmentItem> Items { get; init; }

    [JsonInclude]
    public ShipmentTrack? Track { get; internal set; }

    /// <summary>The CloudEvent that gave the shipment its current track: what a ship or tracking update it causes answers.</summary>
    [JsonInclude]
    public string? TrackEventId { get; internal set; }

    /// <summary>When Commerce saved the current track: a track saved earlier that arrives later does not replace it.</summary>
    [JsonInclude]
    public DateTimeOffset? TrackEventTime { get; internal set; }

    [JsonInclude]
    public ShipmentStatus Status { get; internal set; }

    /// <summary>The Walmart lines this shipment was sent on, once Walmart accepted it.</summary>
    [JsonInclude]
    public IReadOnlyList<string> WalmartLines { get; internal set; } = [];

    /// <summary>The tracking number Walmart last accepted for this shipment.</summary>
    [JsonInclude]
    public string? SentTrackingNumber { get; internal set; }

    /// <summary>
    /// When Walmart first accepted the shipment as shipped: Walmart takes tracking changes only for a while after it. Null when
    /// unknown, in states saved before it was kept.
    /// </summary>
    [JsonInclude]
    public DateTimeOffset? ShippedOnWalmartAt { get; internal set; }

    /// <summary>Since when the shipment is reported as waiting too long for its track; null while it is not.</summary>
    [JsonInclude]
    public DateTimeOffset? TrackOverdueSince { get; internal set; }

    /// <summary>The order went to Error for this shipment's missing track: said once.</summary>
    [JsonInclude]
    public bool TrackWaitFailed { get; internal set; }
}
