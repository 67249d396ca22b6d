namespace OrderSync.Walmart.Wire;

internal sealed record OrderLineStatusDto(string? Status, QuantityDto? StatusQuantity, ReportedTrackingInfoDto? TrackingInfo, string? CancellationReason);
