using System.Text.Json.Serialization;
using OrderSync.Contracts.Events;

namespace OrderSync.Contracts.Results;

public sealed record SyncFailedData : SyncResultData
{
    [JsonPropertyName("operation")]
    public required string Operation { get; init; }

    [JsonPropertyName("statusDetails")]
    public required string StatusDetails { get; init; }

    [JsonPropertyName("errorSource")]
    public required string ErrorSource { get; init; }

    [JsonPropertyName("walmartErrors")]
    public required IReadOnlyList<WalmartErrorDetail> WalmartErrors { get; init; }

    [JsonPropertyName("attempts")]
    public required int Attempts { get; init; }
}
