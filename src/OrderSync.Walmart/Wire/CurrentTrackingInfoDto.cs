namespace OrderSync.Walmart.Wire;

internal sealed record CurrentTrackingInfoDto(string TrackingNumber);
