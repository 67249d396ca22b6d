using System.Text.Json.Serialization;

namespace OrderSync.Contracts.Results;

/// <summary>What every sync result carries: docs/interface.md section 2.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ShipmentSyncedData))]
[JsonDerivedType(typeof(CancellationSyncedData))]
[JsonDerivedType(typeof(SyncFailedData))]
[JsonDerivedType(typeof(ChangedOnWalmartData))]
public abstract record SyncResultData
{
    [JsonPropertyName("purchaseOrderId")]
    public required string PurchaseOrderId { get; init; }

    [JsonPropertyName("orderIncrementId")]
    public required string OrderIncrementId { get; init; }

    [JsonPropertyName("storeCode")]
    public required string StoreCode { get; init; }

    [JsonPropertyName("orderStatus")]
    public required string OrderStatus { get; init; }

    [JsonPropertyName("occurredAt")]
    public required DateTimeOffset OccurredAt { get; init; }

    [JsonPropertyName("causationId")]
    public required string CausationId { get; init; }
}
