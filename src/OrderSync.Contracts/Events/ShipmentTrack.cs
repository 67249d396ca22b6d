namespace OrderSync.Contracts.Events;

public sealed record ShipmentTrack(string TrackId, string CarrierCode, string? Title, string TrackNumber, string? TrackUrl);
