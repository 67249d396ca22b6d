using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

public sealed record PendingTrack(string ShipmentId, string EventId, ShipmentTrack Track, DateTimeOffset? EventTime = null);
