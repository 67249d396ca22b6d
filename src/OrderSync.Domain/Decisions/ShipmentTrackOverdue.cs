namespace OrderSync.Domain.Decisions;

/// <summary>Logged as a warning once: a shipment has waited longer than it should for its track.</summary>
public sealed record ShipmentTrackOverdue(string ShipmentIncrementId, TimeSpan Waited) : Decision;
