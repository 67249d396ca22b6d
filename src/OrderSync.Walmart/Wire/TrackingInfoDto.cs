using System.Text.Json.Serialization;

namespace OrderSync.Walmart.Wire;

internal sealed record TrackingInfoDto(
    long ShipDateTime,
    CarrierNameDto CarrierName,
    string MethodCode,
    string TrackingNumber,
    [property: JsonPropertyName("trackingURL")] string? TrackingUrl);
