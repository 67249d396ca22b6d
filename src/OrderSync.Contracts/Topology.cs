namespace OrderSync.Contracts;

/// <summary>Broker names fixed by the interface contract.</summary>
public static class Topology
{
    public const string CommerceEventsExchange = "commerce.order-events";
    public const string SyncResultsExchange = "channel-manager.sync-results";

    public const string ShipmentSavedType = "com.adobe.commerce.observer.sales_order_shipment_save_after";
    public const string TrackSavedType = "com.adobe.commerce.observer.sales_order_shipment_track_save_after";
    public const string OrderSavedType = "com.adobe.commerce.observer.sales_order_save_after";

    public static readonly IReadOnlyList<string> CommerceEventTypes = [ShipmentSavedType, TrackSavedType, OrderSavedType];
}
