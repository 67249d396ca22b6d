namespace OrderSync.Testing.Commerce;

/// <summary>
/// The exchanges and event types of the interface (docs/interface.md), as an outside client sees them. A copy
/// of its own, not the worker's Topology: a name the worker changes then fails a test, as it would fail Commerce.
/// </summary>
public static class ContractNames
{
    public const string CommerceEventsExchange = "commerce.order-events";
    public const string SyncResultsExchange = "channel-manager.sync-results";

    public const string ShipmentSaved = "com.adobe.commerce.observer.sales_order_shipment_save_after";
    public const string TrackSaved = "com.adobe.commerce.observer.sales_order_shipment_track_save_after";
    public const string OrderSaved = "com.adobe.commerce.observer.sales_order_save_after";

    /// <summary>The same three changes as Adobe's integration starter kit subscribes to them: after the database commit.</summary>
    public const string ShipmentCommitted = "com.adobe.commerce.observer.sales_order_shipment_save_commit_after";
    public const string TrackCommitted = "com.adobe.commerce.observer.sales_order_shipment_track_save_commit_after";
    public const string OrderCommitted = "com.adobe.commerce.observer.sales_order_save_commit_after";

    public const string ShipmentSynced = "walmart.order.shipment.synced";
    public const string CancellationSynced = "walmart.order.cancellation.synced";
    public const string SyncFailed = "walmart.order.sync.failed";

    /// <summary>The worker's intake queue, bound to the Commerce exchange.</summary>
    public const string IntakeQueue = "walmart-sync.commerce-events";
}
