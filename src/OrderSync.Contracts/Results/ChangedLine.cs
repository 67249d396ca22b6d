using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

/// <summary>One change of one Walmart line; the optional fields are left out where Walmart gives none.</summary>
public sealed record ChangedLine(
    [property: JsonPropertyName("lineNumber")] string LineNumber,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("walmartStatus")] string WalmartStatus,
    [property: JsonPropertyName("change")] string Change)
{
    [JsonPropertyName("cancellationReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CancellationReason { get; init; }

    [JsonPropertyName("carrier")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Carrier { get; init; }

    [JsonPropertyName("trackingNumber")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrackingNumber { get; init; }
}
