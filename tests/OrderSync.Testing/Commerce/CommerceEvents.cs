using System.Globalization;
using System.Text.Json.Nodes;

namespace OrderSync.Testing.Commerce;

/// <summary>
/// The CloudEvents Commerce publishes (shaped like ops/samples and the contract's examples), for any order: the short forms build a
/// test's events (a new id, now), the full forms whatever a caller names, as the benchmark's workload does.
/// </summary>
public static class CommerceEvents
{
    /// <summary>When the short forms' shipments were made.</summary>
    public static DateTimeOffset ShippedAt { get; } = new(2026, 3, 14, 17, 2, 10, TimeSpan.Zero);

    public static JsonObject Shipment(
        string purchaseOrderId, string shipmentId, (string Sku, int Quantity)[] items, string? trackNumber = "1Z999AA10000000001", string store = "walmart_us") =>
        Shipment(
            CommerceOrder.Of(purchaseOrderId, store),
            shipmentId,
            items,
            trackNumber is null ? null : new CommerceTrack("t" + shipmentId, trackNumber, "ups", "UPS"),
            ShippedAt,
            CloudEventHeader.New());

    /// <summary>A track added to (or changed on) a shipment: contract section 1.2.</summary>
    public static JsonObject Track(string purchaseOrderId, string shipmentId, string trackNumber, string carrierCode = "ups", string store = "walmart_us") =>
        Track(
            CommerceOrder.Of(purchaseOrderId, store),
            shipmentId,
            new CommerceTrack("t" + shipmentId + "-" + trackNumber, trackNumber, carrierCode, carrierCode.ToUpperInvariant()),
            CloudEventHeader.New());

    /// <param name="shipped">Items with what Commerce had shipped of them (qty_shipped) when it cancelled.</param>
    public static JsonObject Cancellation(string purchaseOrderId, string? reason = "out_of_stock", string store = "walmart_us", (string Sku, int Quantity)[]? shipped = null) =>
        Cancellation(
            CommerceOrder.Of(purchaseOrderId, store),
            reason,
            [.. (shipped ?? []).Select(item => new CommerceOrderItem(item.Sku, item.Quantity, item.Quantity))],
            CloudEventHeader.New());

    /// <summary>A shipment saved, with its track or without one (the track then comes in an event of its own): contract section 1.1.</summary>
    public static JsonObject Shipment(
        CommerceOrder order, string shipmentId, IEnumerable<(string Sku, int Quantity)> items, CommerceTrack? track, DateTimeOffset shippedAt, CloudEventHeader header) =>
        Envelope(ContractNames.ShipmentSaved, header, new JsonObject
        {
            ["entity_id"] = shipmentId,
            ["increment_id"] = "0000" + shipmentId,
            ["order_id"] = order.EntityId,
            ["order_increment_id"] = order.IncrementId,
            ["ext_order_id"] = order.PurchaseOrderId,
            ["store_code"] = order.StoreCode,
            ["created_at"] = shippedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["items"] = new JsonArray([.. items.Select((item, index) => (JsonNode)new JsonObject
            {
                ["order_item_id"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                ["sku"] = item.Sku,
                ["qty"] = Quantity(item.Quantity),
            })]),
            ["tracks"] = track is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["entity_id"] = track.EntityId, ["carrier_code"] = track.CarrierCode, ["title"] = track.Title, ["track_number"] = track.TrackNumber }),
        });

    /// <summary>A track saved on shipment <paramref name="shipmentId"/>: contract section 1.2.</summary>
    public static JsonObject Track(CommerceOrder order, string shipmentId, CommerceTrack track, CloudEventHeader header) =>
        Envelope(ContractNames.TrackSaved, header, new JsonObject
        {
            ["entity_id"] = track.EntityId,
            ["parent_id"] = shipmentId,
            ["order_id"] = order.EntityId,
            ["order_increment_id"] = order.IncrementId,
            ["ext_order_id"] = order.PurchaseOrderId,
            ["store_code"] = order.StoreCode,
            ["carrier_code"] = track.CarrierCode,
            ["title"] = track.Title,
            ["track_number"] = track.TrackNumber,
        });

    /// <summary>The order saved as canceled, from processing: contract section 1.3.</summary>
    public static JsonObject Cancellation(CommerceOrder order, string? reason, IEnumerable<CommerceOrderItem> items, CloudEventHeader header) =>
        Envelope(ContractNames.OrderSaved, header, new JsonObject
        {
            ["items"] = new JsonArray([.. items.Select((item, index) =>
            {
                var line = new JsonObject
                {
                    ["item_id"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                    ["sku"] = item.Sku,
                    ["qty_ordered"] = Quantity(item.Ordered),
                };
                if (item.Shipped is { } shipped)
                {
                    line["qty_shipped"] = Quantity(shipped);
                }

                return (JsonNode)line;
            })]),
            ["entity_id"] = order.EntityId,
            ["increment_id"] = order.IncrementId,
            ["ext_order_id"] = order.PurchaseOrderId,
            ["store_code"] = order.StoreCode,
            ["state"] = "canceled",
            ["status"] = "canceled",
            ["cancellation_reason"] = reason,
            ["_origData"] = new JsonObject { ["state"] = "processing", ["status"] = "processing" },
        });

    private static string Quantity(int units) => units.ToString("0.0000", CultureInfo.InvariantCulture);

    private static JsonObject Envelope(string type, CloudEventHeader header, JsonObject value) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = header.Id,
        ["type"] = type,
        ["source"] = header.Source,
        ["time"] = header.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["datacontenttype"] = "application/json",
        ["data"] = new JsonObject { ["key"] = Guid.NewGuid().ToString(), ["value"] = value },
    };
}
