using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderSync.Benchmark.Workload;

/// <summary>The CloudEvents Commerce publishes (shaped like shared/contracts/examples), built from planned events.</summary>
public static class CommerceCloudEvents
{
    private const string Source = "urn:uuid:commerce-benchmark.store-1";

    public static string TypeOf(PlannedEvent planned) => planned.Kind switch
    {
        CommerceEventKind.Track => ContractNames.TrackSaved,
        CommerceEventKind.Cancellation => ContractNames.OrderSaved,
        _ => ContractNames.ShipmentSaved,
    };

    public static byte[] Serialize(PlannedEvent planned, DateTimeOffset time) => JsonSerializer.SerializeToUtf8Bytes(Build(planned, time));

    public static JsonObject Build(PlannedEvent planned, DateTimeOffset time) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = planned.Id,
        ["type"] = TypeOf(planned),
        ["source"] = Source,
        ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["datacontenttype"] = "application/json",
        ["data"] = new JsonObject
        {
            ["key"] = Guid.NewGuid().ToString(),
            ["value"] = planned.Kind switch
            {
                CommerceEventKind.Track => Track(planned),
                CommerceEventKind.Cancellation => Cancellation(planned),
                _ => Shipment(planned, time),
            },
        },
    };

    private static JsonObject Shipment(PlannedEvent planned, DateTimeOffset time)
    {
        var order = planned.Order;
        var tracks = new JsonArray();
        if (planned.Kind == CommerceEventKind.ShipmentWithTrack)
        {
            tracks.Add(new JsonObject
            {
                ["entity_id"] = planned.TrackId,
                ["carrier_code"] = "ups",
                ["title"] = "United Parcel Service",
                ["track_number"] = planned.TrackNumber,
            });
        }

        return new JsonObject
        {
            ["entity_id"] = planned.ShipmentId,
            ["increment_id"] = "0" + planned.ShipmentId,
            ["order_id"] = order.EntityId,
            ["order_increment_id"] = order.IncrementId,
            ["ext_order_id"] = order.PurchaseOrderId,
            ["store_code"] = order.StoreCode,
            ["created_at"] = time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["items"] = new JsonArray([.. planned.Items.Select((item, index) => (JsonNode)new JsonObject
            {
                ["order_item_id"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                ["sku"] = item.Sku,
                ["qty"] = item.Quantity.ToString("0.0000", CultureInfo.InvariantCulture),
            })]),
            ["tracks"] = tracks,
        };
    }

    private static JsonObject Track(PlannedEvent planned) => new()
    {
        ["entity_id"] = planned.TrackId,
        ["parent_id"] = planned.ShipmentId,
        ["order_id"] = planned.Order.EntityId,
        ["order_increment_id"] = planned.Order.IncrementId,
        ["ext_order_id"] = planned.Order.PurchaseOrderId,
        ["store_code"] = planned.Order.StoreCode,
        ["carrier_code"] = "ups",
        ["title"] = "United Parcel Service",
        ["track_number"] = planned.TrackNumber,
    };

    private static JsonObject Cancellation(PlannedEvent planned)
    {
        var order = planned.Order;
        return new JsonObject
        {
            ["entity_id"] = order.EntityId,
            ["increment_id"] = order.IncrementId,
            ["ext_order_id"] = order.PurchaseOrderId,
            ["store_code"] = order.StoreCode,
            ["state"] = "canceled",
            ["status"] = "canceled",
            ["cancellation_reason"] = "out_of_stock",
            ["items"] = new JsonArray([.. order.Walmart.Lines.GroupBy(line => line.Sku, StringComparer.Ordinal).Select((group, index) => (JsonNode)new JsonObject
            {
                ["item_id"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                ["sku"] = group.Key,
                ["qty_ordered"] = group.Sum(line => line.Quantity).ToString("0.0000", CultureInfo.InvariantCulture),
            })]),
            ["_origData"] = new JsonObject { ["state"] = "processing", ["status"] = "processing" },
        };
    }
}
