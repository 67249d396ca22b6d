using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

public sealed record ShippedLine(
    [property: JsonPropertyName("lineNumber")] string LineNumber,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("carrier")] string Carrier,
    [property: JsonPropertyName("trackingNumber")] string TrackingNumber)
{
    /// <summary>Shipped although the customer had asked Walmart to cancel it, so the merchant can follow up; left out when false.</summary>
    [JsonPropertyName("customerRequestedCancel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CustomerRequestedCancel { get; init; }
}
