using OrderSync.Contracts.Events;

namespace OrderSync.Domain.State;

/// <summary>A track that came before its shipment, applied when the shipment comes.</summary>
public sealed record PendingTrack(string ShipmentId, string EventId, ShipmentTrack Track, DateTimeOffset? EventTime = null);
