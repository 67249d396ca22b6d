namespace OrderSync.Walmart.Wire;

/// <remarks>Read leniently: of the tracking Walmart reports on a line, only the number is used.</remarks>
internal sealed record ReportedTrackingInfoDto(string? TrackingNumber);
