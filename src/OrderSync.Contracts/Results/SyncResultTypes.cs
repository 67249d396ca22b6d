namespace OrderSync.Contracts.Results;

/// <summary>CloudEvent types, and routing keys, of the results: docs/interface.md section 2.</summary>
public static class SyncResultTypes
{
    public const string ShipmentSynced = "walmart.order.shipment.synced";
    public const string CancellationSynced = "walmart.order.cancellation.synced";
    public const string SyncFailed = "walmart.order.sync.failed";
    public const string ChangedOnWalmart = "walmart.order.changed-on-walmart";
}
