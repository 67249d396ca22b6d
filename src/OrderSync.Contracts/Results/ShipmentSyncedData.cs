using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

public sealed record ShipmentSyncedData : SyncResultData
{
    [JsonPropertyName("shipmentId")]
    public required string ShipmentId { get; init; }

    [JsonPropertyName("lines")]
    public required IReadOnlyList<ShippedLine> Lines { get; init; }
}
