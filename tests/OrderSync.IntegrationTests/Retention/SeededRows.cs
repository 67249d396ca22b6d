using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace OrderSync.IntegrationTests.Retention;

/// <summary>Rows as the worker leaves them, written straight to the database with the age a test needs: thousands in one statement.</summary>
public static class SeededRows
{
    /// <summary>An order synced and done with: its one line shipped by its one operation.</summary>
    public static JsonObject Finished() => State(operationStatus: 2, shipped: 1, orderStatus: "Shipped");

    /// <summary>An order whose ship is in flight: nothing of it may go before <c>Retention:IdleOrders</c>.</summary>
    public static JsonObject InFlight() => State(operationStatus: 1, shipped: 0, orderStatus: null);

    /// <summary>
    /// <paramref name="count"/> orders of the given state, each with two operations of two Walmart calls each and two arrival numbers, all
    /// <paramref name="age"/> old; in one transaction, so that a retention pass never sees an order without its rows. Their purchase
    /// order ids start with <paramref name="prefix"/>.
    /// </summary>
    public static async Task Orders(NpgsqlDataSource database, JsonObject state, int count, TimeSpan age, string prefix)
    {
        const string sql = """
            with ids as materialized (select gen_random_uuid() as id, n from generate_series(1, @count) n),
            orders as (
                insert into order_sync_saga (correlation_id, version, data, created_at, updated_at)
                select id, 1, jsonb_set(jsonb_set(@state::jsonb, '{PurchaseOrderId}', to_jsonb(@prefix || n)), '{CorrelationId}', to_jsonb(id::text)),
                       now() - @age, now() - @age
                from ids
                returning correlation_id, store_code, purchase_order_id),
            operations as (
                insert into walmart_operation (operation_id, correlation_id, store_code, purchase_order_id, kind, causation_id, planned_lines, status, result, created_at, updated_at)
                select gen_random_uuid(), o.correlation_id, o.store_code, o.purchase_order_id, 'Ship', 'e' || n,
                       '[{"lineNumber":"1","sku":"MUG","quantity":1,"openBefore":1}]', 'succeeded', '{}', now() - @age, now() - @age
                from orders o, generate_series(1, 2) n
                returning operation_id, store_code, purchase_order_id),
            calls as (
                insert into walmart_call (operation_id, store_code, purchase_order_id, operation, lines, correlation_id, http_status, outcome, duration_ms, attempt, called_at)
                select p.operation_id, p.store_code, p.purchase_order_id, call.operation, '[{"lineNumber":"1","sku":"MUG","quantity":1,"openBefore":1}]',
                       'corr-' || call.operation, 200, 'Success', 120.5, 1, now() - @age
                from operations p, (values ('get-order'), ('ship')) as call(operation)
                returning 1),
            arrivals as (
                insert into order_event_arrival (order_id, event_id, sequence, arrived_at)
                select o.correlation_id, 'e' || n, n, now() - @age from orders o, generate_series(1, 2) n
                returning 1)
            select count(*) from orders
            """;
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, new { state = state.ToJsonString(), prefix, count, age });
    }

    /// <summary>Arrival numbers of events that never reached an order.</summary>
    public static async Task OrphanArrivals(NpgsqlDataSource database, int count, TimeSpan age)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "insert into order_event_arrival (order_id, event_id, sequence, arrived_at) select gen_random_uuid(), 'orphan', 1, now() - @age from generate_series(1, @count)",
            new { count, age });
    }

    public static async Task DeadLetterRecords(NpgsqlDataSource database, int count, TimeSpan age)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into dead_letter_archive (message_id, queue, reason, headers, body, archived_at)
            select 'm' || n, 'walmart-sync.commerce-events_error', 'bad', '{}', '\x7b7d', now() - @age from generate_series(1, @count) n;
            insert into dead_letter_requeue (requeue_id, dead_letter_queue, target_queue, requeued_at)
            select gen_random_uuid(), 'walmart-sync.order-sync_error', 'walmart-sync.order-sync', now() - @age from generate_series(1, @count);
            """,
            new { count, age });
    }

    /// <summary>Makes these orders and everything kept for them <paramref name="age"/> older.</summary>
    public static async Task Backdate(NpgsqlDataSource database, IEnumerable<string> purchaseOrderIds, TimeSpan age)
    {
        const string sql = """
            update order_event_arrival set arrived_at = arrived_at - @age
            where order_id in (select correlation_id from order_sync_saga where purchase_order_id = any(@orders));
            update order_sync_saga set created_at = created_at - @age, updated_at = updated_at - @age where purchase_order_id = any(@orders);
            update walmart_operation set created_at = created_at - @age, updated_at = updated_at - @age where purchase_order_id = any(@orders);
            update walmart_call set called_at = called_at - @age where purchase_order_id = any(@orders);
            """;
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, new { orders = purchaseOrderIds.ToArray(), age });
    }

    /// <summary>How many rows of <paramref name="table"/> belong to orders whose purchase order id starts with <paramref name="prefix"/>.</summary>
    public static async Task<long> OfOrders(NpgsqlDataSource database, string table, string prefix)
    {
        var sql = table == "order_event_arrival"
            ? "select count(*) from order_event_arrival a join order_sync_saga s on s.correlation_id = a.order_id where s.purchase_order_id like @pattern"
            : $"select count(*) from {table} where purchase_order_id like @pattern";
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { pattern = prefix + "%" });
    }

    public static async Task<long> Count(NpgsqlDataSource database, string sql, object? parameters = null)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    private static JsonObject State(int operationStatus, int shipped, string? orderStatus) => new()
    {
        ["CorrelationId"] = Guid.Empty.ToString(),
        ["StoreCode"] = "walmart_us",
        ["PurchaseOrderId"] = string.Empty,
        ["OrderIncrementId"] = "000001187",
        ["AppliedEventIds"] = new JsonArray("e1"),
        ["AppliedEventDigests"] = new JsonObject(),
        ["LastArrivalSequence"] = 1,
        ["HeldEvents"] = new JsonArray(),
        ["Shipments"] = new JsonArray(new JsonObject
        {
            ["ShipmentId"] = "1",
            ["IncrementId"] = "000000001",
            ["EventId"] = "e1",
            ["ShippedAt"] = "2026-01-01T10:00:00+00:00",
            ["Items"] = new JsonArray(new JsonObject { ["OrderItemId"] = "1", ["Sku"] = "MUG", ["Quantity"] = 1 }),
            ["Track"] = new JsonObject { ["TrackId"] = "t1", ["CarrierCode"] = "ups", ["Title"] = "UPS", ["TrackNumber"] = "1Z1", ["TrackUrl"] = null },
            ["Status"] = operationStatus == 2 ? 2 : 1,
            ["WalmartLines"] = new JsonArray("1"),
        }),
        ["PendingTracks"] = new JsonArray(),
        ["Cancellation"] = null,
        ["Operations"] = new JsonArray(new JsonObject
        {
            ["OperationId"] = Guid.NewGuid().ToString(),
            ["Kind"] = 0,
            ["CausationId"] = "e1",
            ["ShipmentId"] = "1",
            ["Status"] = operationStatus,
        }),
        ["WalmartLines"] = new JsonArray(new JsonObject { ["LineNumber"] = "1", ["Sku"] = "MUG", ["Quantity"] = 1, ["Shipped"] = shipped, ["Cancelled"] = 0 }),
        ["OrderStatus"] = orderStatus,
    };
}
