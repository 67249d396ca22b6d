using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using OrderSync.Persistence;

namespace OrderSync.IntegrationTests.Cli;

/// <summary>Saga rows and Walmart calls as the worker writes them: OrderSyncState as JSON, PascalCase, enums as numbers.</summary>
public static class SagaRows
{
    public const string Store = "walmart_us";

    /// <summary>An order with lines 1-3 shipped by shipment 412, shipment 413 failed on Walmart, and the given status.</summary>
    public static JsonObject Order(string purchaseOrderId, string? orderStatus, string? lastError = null, string store = Store) => new()
    {
        ["CorrelationId"] = Guid.NewGuid().ToString(),
        ["Version"] = 4,
        ["CurrentState"] = "Active",
        ["StoreCode"] = store,
        ["PurchaseOrderId"] = purchaseOrderId,
        ["OrderIncrementId"] = "000001187",
        ["AppliedEventIds"] = new JsonArray("e-412", "e-413"),
        ["Shipments"] = new JsonArray(
            new JsonObject
            {
                ["ShipmentId"] = "412",
                ["IncrementId"] = "000000412",
                ["EventId"] = "e-412",
                ["ShippedAt"] = "2025-03-01T10:00:00+00:00",
                ["Items"] = new JsonArray(
                    new JsonObject { ["OrderItemId"] = "9001", ["Sku"] = "WM-MUG-BLU", ["Quantity"] = 2 },
                    new JsonObject { ["OrderItemId"] = "9002", ["Sku"] = "WM-TEE-L", ["Quantity"] = 1 }),
                ["Track"] = new JsonObject { ["TrackId"] = "77", ["CarrierCode"] = "ups", ["Title"] = "UPS", ["TrackNumber"] = "1Z999AA10123456784", ["TrackUrl"] = null },
                ["Status"] = 2,
                ["WalmartLines"] = new JsonArray("1", "2", "3"),
                ["SentTrackingNumber"] = "1Z999AA10123456784",
            },
            new JsonObject
            {
                ["ShipmentId"] = "413",
                ["IncrementId"] = "000000413",
                ["EventId"] = "e-413",
                ["ShippedAt"] = "2025-03-02T10:00:00+00:00",
                ["Items"] = new JsonArray(new JsonObject { ["OrderItemId"] = "9003", ["Sku"] = "WM-CAP", ["Quantity"] = 1 }),
                ["Track"] = new JsonObject { ["TrackId"] = "78", ["CarrierCode"] = "custom", ["Title"] = "Bob's Freight", ["TrackNumber"] = "BF-1", ["TrackUrl"] = "https://bf.example/BF-1" },
                ["Status"] = 3,
                ["WalmartLines"] = new JsonArray(),
                ["SentTrackingNumber"] = null,
            }),
        ["PendingTracks"] = new JsonArray(),
        ["Cancellation"] = null,
        ["Operations"] = new JsonArray(
            new JsonObject { ["OperationId"] = "6f1c7e1a-0000-4000-8000-000000000412", ["Kind"] = 0, ["CausationId"] = "e-412", ["ShipmentId"] = "412", ["Status"] = 2, ["Error"] = null },
            new JsonObject { ["OperationId"] = "6f1c7e1a-0000-4000-8000-000000000413", ["Kind"] = 0, ["CausationId"] = "e-413", ["ShipmentId"] = "413", ["Status"] = 3, ["Error"] = "Walmart refused line 4: [INVALID_REQUEST] carrier" }),
        ["WalmartLines"] = new JsonArray(
            Line("1", "WM-MUG-BLU", 1, 1, 0),
            Line("2", "WM-MUG-BLU", 1, 1, 0),
            Line("3", "WM-TEE-L", 1, 1, 0),
            Line("4", "WM-CAP", 1, 0, 0)),
        ["OrderStatus"] = orderStatus,
        ["LastError"] = lastError,
        ["LastEventTime"] = "2025-03-02T10:00:00+00:00",
    };

    public static async Task<Guid> Insert(NpgsqlDataSource database, JsonObject state)
    {
        var correlationId = Guid.Parse(state["CorrelationId"]!.GetValue<string>());
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "insert into order_sync_saga (correlation_id, version, data) values (@correlationId, 4, @data::jsonb)",
            new { correlationId, data = state.ToJsonString() });
        return correlationId;
    }

    public static async Task SetStatus(NpgsqlDataSource database, Guid correlationId, string status)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "update order_sync_saga set data = jsonb_set(data, '{OrderStatus}', to_jsonb(@status::text)), version = version + 1, updated_at = now() where correlation_id = @correlationId",
            new { correlationId, status });
    }

    public static Task Call(NpgsqlDataSource database, string purchaseOrderId, string operation, int? httpStatus, string outcome, string? message, int attempt, string lines = """[{"lineNumber":"4","sku":"WM-CAP","quantity":1,"openBefore":1}]""") =>
        new WalmartCallLog(database).Record(new WalmartCallRecord
        {
            OperationId = Guid.Parse("6f1c7e1a-0000-4000-8000-000000000413"),
            StoreCode = Store,
            PurchaseOrderId = purchaseOrderId,
            Operation = operation,
            LinesJson = lines,
            CorrelationId = $"corr-{operation}-{attempt}",
            HttpStatus = httpStatus,
            Outcome = outcome,
            Message = message,
            DurationMs = 123.4,
            Attempt = attempt,
        }, CancellationToken.None);

    private static JsonObject Line(string number, string sku, int quantity, int shipped, int cancelled) => new()
    {
        ["LineNumber"] = number,
        ["Sku"] = sku,
        ["Quantity"] = quantity,
        ["Shipped"] = shipped,
        ["Cancelled"] = cancelled,
    };
}
