using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

public sealed record CancellationSyncedData : SyncResultData
{
    [JsonPropertyName("lines")]
    public required IReadOnlyList<CancelledLine> Lines { get; init; }
}
