using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

public sealed record CancelledLine(
    [property: JsonPropertyName("lineNumber")] string LineNumber,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("reason")] string Reason);
