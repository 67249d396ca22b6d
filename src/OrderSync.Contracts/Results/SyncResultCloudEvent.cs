using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

/// <summary>A sync result as Commerce receives it: a CloudEvents 1.0 document in structured mode.</summary>
public sealed record SyncResultCloudEvent
{
    public const string EventSource = "urn:channel-manager:walmart-sync";

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("source")]
    public string Source { get; init; } = EventSource;

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    [JsonPropertyName("data")]
    public required SyncResultData Data { get; init; }
}
