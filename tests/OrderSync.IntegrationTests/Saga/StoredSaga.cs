using Dapper;
using Npgsql;
using OrderSync.Domain.State;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Worker.Inbound;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>The saga state of an order as the worker stored it.</summary>
public static class StoredSaga
{
    public static async Task<OrderSyncState?> Load(string connectionString, string purchaseOrderId, string storeCode = "walmart_us")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var data = await connection.QuerySingleOrDefaultAsync<string>(
            "select data::text from order_sync_saga where correlation_id = @id", new { id = OrderCorrelation.For(storeCode, purchaseOrderId) });
        return data is null ? null : OrderSyncState.FromJson(data);
    }

    /// <summary>Waits until the saga of the order shows what the test expects.</summary>
    public static async Task<OrderSyncState> WaitFor(
        string connectionString, string purchaseOrderId, Func<OrderSyncState, bool> condition, string what, string storeCode = "walmart_us")
    {
        var seen = await Eventually.Matches(
            async () => new Seen(await Load(connectionString, purchaseOrderId, storeCode)),
            seen => seen.State is not null && condition(seen.State),
            what,
            TimeSpan.FromSeconds(60));
        return seen.State!;
    }

    /// <summary>The saga's state in one line, for a failure message.</summary>
    public static string Describe(OrderSyncState? state) => state is null
        ? "no saga"
        : $"{state.CurrentState}, {state.OrderStatus}, last error '{state.LastError}'; shipments "
            + string.Join(", ", state.Shipments.Select(s => $"{s.ShipmentId} {s.Status} track {s.Track?.TrackNumber} sent {s.SentTrackingNumber}"))
            + "; operations " + string.Join(", ", state.Operations.Select(o => $"{o.Kind} {o.ShipmentId} {o.Status} {o.Error}"))
            + $"; pending tracks {state.PendingTracks.Count}; events {state.AppliedEventIds.Count}";

    private sealed record Seen(OrderSyncState? State)
    {
        public override string ToString() => Describe(State);
    }

    /// <summary>The Walmart calls the worker recorded for the order, oldest first: (operation, HTTP status).</summary>
    public static async Task<IReadOnlyList<(string Operation, int? HttpStatus)>> RecordedCalls(string connectionString, string purchaseOrderId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = await connection.QueryAsync<(string, int?)>(
            "select operation, http_status from walmart_call where purchase_order_id = @purchaseOrderId order by id", new { purchaseOrderId });
        return [.. rows];
    }
}
