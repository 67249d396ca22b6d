namespace OrderSync.Walmart.Wire;

/// <remarks>Read leniently: of the tracking Walmart reports on a line, the number and the carrier are used.</remarks>
internal sealed record ReportedTrackingInfoDto(string? TrackingNumber, CarrierNameDto? CarrierName);
