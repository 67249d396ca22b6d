namespace OrderSync.Testing.Commerce;

/// <summary>A shipment's track, as Commerce saves it: <c>title</c> is the carrier's name as the store shows it.</summary>
public sealed record CommerceTrack(string EntityId, string TrackNumber, string CarrierCode, string Title);
