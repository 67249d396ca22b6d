using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

public sealed record ShipmentSyncedData : SyncResultData
{
    [JsonPropertyName("shipmentId")]
    public required string ShipmentId { get; init; }

    [JsonPropertyName("lines")]
    public required IReadOnlyList<ShippedLine> Lines { get; init; }

    /// <summary>Left out when there are none.</summary>
    [JsonPropertyName("warnings")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }
}
