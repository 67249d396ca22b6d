using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

public sealed record ShippedLine(
    [property: JsonPropertyName("lineNumber")] string LineNumber,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("carrier")] string Carrier,
    [property: JsonPropertyName("trackingNumber")] string TrackingNumber);
