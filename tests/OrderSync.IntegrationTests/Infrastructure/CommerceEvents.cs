using System.Globalization;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>Commerce CloudEvents for any order, shaped like the contract's examples.</summary>
public static class CommerceEvents
{
    public const string ShipmentSaved = "com.adobe.commerce.observer.sales_order_shipment_save_after";
    public const string TrackSaved = "com.adobe.commerce.observer.sales_order_shipment_track_save_after";
    public const string OrderSaved = "com.adobe.commerce.observer.sales_order_save_after";

    public static JsonObject Shipment(
        string purchaseOrderId, string shipmentId, (string Sku, int Quantity)[] items, string? trackNumber = "1Z999AA10000000001", string store = "walmart_us") =>
        Envelope(ShipmentSaved, new JsonObject
        {
            ["entity_id"] = shipmentId,
            ["increment_id"] = "0000" + shipmentId,
            ["order_id"] = "1",
            ["order_increment_id"] = "INC-" + purchaseOrderId[^6..],
            ["ext_order_id"] = purchaseOrderId,
            ["store_code"] = store,
            ["created_at"] = "2026-03-14 17:02:10",
            ["items"] = new JsonArray([.. items.Select((item, index) => (JsonNode)new JsonObject
            {
                ["order_item_id"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                ["sku"] = item.Sku,
                ["qty"] = item.Quantity.ToString("0.0000", CultureInfo.InvariantCulture),
            })]),
            ["tracks"] = trackNumber is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["entity_id"] = "t" + shipmentId, ["carrier_code"] = "ups", ["title"] = "UPS", ["track_number"] = trackNumber }),
        });

    /// <summary>A track added to (or changed on) a shipment: contract section 1.2.</summary>
    public static JsonObject Track(string purchaseOrderId, string shipmentId, string trackNumber, string carrierCode = "ups", string store = "walmart_us") =>
        Envelope(TrackSaved, new JsonObject
        {
            ["entity_id"] = "t" + shipmentId + "-" + trackNumber,
            ["parent_id"] = shipmentId,
            ["order_id"] = "1",
            ["order_increment_id"] = "INC-" + purchaseOrderId[^6..],
            ["ext_order_id"] = purchaseOrderId,
            ["store_code"] = store,
            ["carrier_code"] = carrierCode,
            ["title"] = carrierCode.ToUpperInvariant(),
            ["track_number"] = trackNumber,
        });

    /// <param name="shipped">Items with what Commerce had shipped of them (qty_shipped) when it cancelled.</param>
    public static JsonObject Cancellation(string purchaseOrderId, string? reason = "out_of_stock", string store = "walmart_us", (string Sku, int Quantity)[]? shipped = null) =>
        Envelope(OrderSaved, new JsonObject
        {
            ["items"] = new JsonArray([.. (shipped ?? []).Select((item, index) => (JsonNode)new JsonObject
            {
                ["item_id"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                ["sku"] = item.Sku,
                ["qty_ordered"] = item.Quantity.ToString("0.0000", CultureInfo.InvariantCulture),
                ["qty_shipped"] = item.Quantity.ToString("0.0000", CultureInfo.InvariantCulture),
            })]),
            ["entity_id"] = "1",
            ["increment_id"] = "INC-" + purchaseOrderId[^6..],
            ["ext_order_id"] = purchaseOrderId,
            ["store_code"] = store,
            ["state"] = "canceled",
            ["status"] = "canceled",
            ["cancellation_reason"] = reason,
            ["_origData"] = new JsonObject { ["state"] = "processing" },
        });

    private static JsonObject Envelope(string type, JsonObject value) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["type"] = type,
        ["source"] = "urn:uuid:commerce-test",
        ["time"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["datacontenttype"] = "application/json",
        ["data"] = new JsonObject { ["key"] = Guid.NewGuid().ToString(), ["value"] = value },
    };
}
