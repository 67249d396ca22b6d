namespace OrderSync.Walmart.Wire;

internal sealed record ShipmentLineStatusDto(
    string Status,
    QuantityDto StatusQuantity,
    TrackingInfoDto TrackingInfo,
    CurrentTrackingInfoDto? CurrentTrackingInfo);
