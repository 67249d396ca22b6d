using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

/// <summary>docs/interface.md section 2.4: lines Walmart, the customer or Seller Center changed without Commerce asking.</summary>
public sealed record ChangedOnWalmartData : SyncResultData
{
    [JsonPropertyName("lines")]
    public required IReadOnlyList<ChangedLine> Lines { get; init; }
}
