using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Retention;

/// <summary>The worker's own retention job, every second in small batches, deleting thousands of old rows while it syncs new orders.</summary>
public sealed class RetentionUnderLoadTests
{
    private const int OldFinishedOrders = 4000;
    private const int OldUnfinishedOrders = 500;
    private const int NewOrders = 30;

    [Fact]
    public async Task New_orders_sync_end_to_end_while_retention_deletes_old_rows_and_the_old_rows_go()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?>
        {
            ["Retention:Interval"] = "00:00:01",
            ["Retention:BatchSize"] = "50",
        });
        await using var database = NpgsqlDataSource.Create(stack.Environment.Postgres);

        // The new orders are on Walmart before the old rows are seeded: once those are there, retention starts within a second,
        // and the new events must go out while it still deletes.
        var purchaseOrderIds = new List<string>();
        for (var order = 0; order < NewOrders; order++)
        {
            purchaseOrderIds.Add(await stack.Sandbox.SeedOrder("MUG", "CAP"));
        }

        // The old orders are copies of one the worker synced, so that they are what it writes.
        var template = await SyncOne(stack);
        var finished = await StateOf(database, template);
        var unfinished = finished.DeepClone().AsObject();
        unfinished["Operations"]![0]!["Status"] = 1;
        await SeededRows.Orders(database, finished, OldFinishedOrders, TimeSpan.FromDays(120), "old-finished-");
        await SeededRows.Orders(database, unfinished, OldUnfinishedOrders, TimeSpan.FromDays(120), "old-unfinished-");
        await SeededRows.DeadLetterRecords(database, 1000, TimeSpan.FromDays(200));

        foreach (var purchaseOrderId in purchaseOrderIds)
        {
            await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1), ("CAP", 1)]));
        }

        var stillOldWhenPublished = await SeededRows.OfOrders(database, "order_sync_saga", "old-finished-");
        foreach (var purchaseOrderId in purchaseOrderIds)
        {
            (await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60))).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        }

        await Eventually.True(
            async () => await SeededRows.OfOrders(database, "order_sync_saga", "old-finished-") == 0
                && await SeededRows.Count(database, "select count(*) from dead_letter_archive") == 0,
            "the old finished orders and dead letters are gone",
            TimeSpan.FromSeconds(60));
        stillOldWhenPublished.ShouldBeGreaterThan(0, "retention was still deleting when the new orders were published");
        (await SeededRows.OfOrders(database, "walmart_operation", "old-finished-")).ShouldBe(0);
        (await SeededRows.OfOrders(database, "walmart_call", "old-finished-")).ShouldBe(0);
        (await SeededRows.OfOrders(database, "order_sync_saga", "old-unfinished-")).ShouldBe(OldUnfinishedOrders);
        (await SeededRows.OfOrders(database, "walmart_call", "old-unfinished-")).ShouldBe(0, "their calls are older than Retention:CallHistory");
        (await SeededRows.Count(database, "select count(*) from order_event_arrival a left join order_sync_saga s on s.correlation_id = a.order_id where s.correlation_id is null"))
            .ShouldBe(0);
        foreach (var purchaseOrderId in purchaseOrderIds.Append(template))
        {
            (await stack.Sandbox.Calls(purchaseOrderId)).Count(call => call.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
            (await SeededRows.OfOrders(database, "walmart_call", purchaseOrderId)).ShouldBeGreaterThan(0);
        }

        (await stack.DeadLetterCount()).ShouldBe(0u);
        using var http = new HttpClient();
        var metrics = (await http.GetStringAsync(new Uri(stack.Worker!.HttpAddress, "/metrics"))).Split('\n');
        Series(metrics, "ordersync_retention_rows_deleted_total", "table=\"order_sync_saga\"").ShouldBeGreaterThanOrEqualTo(OldFinishedOrders);
        Series(metrics, "ordersync_retention_passes_total", "outcome=\"completed\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(metrics, "ordersync_retention_pass_duration_seconds_count").ShouldBeGreaterThanOrEqualTo(1);
    }

    private static double Series(string[] lines, string name, params string[] labels) =>
        lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l.Contains))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();

    private static async Task<string> SyncOne(SyncStack stack)
    {
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        return purchaseOrderId;
    }

    private static async Task<JsonObject> StateOf(NpgsqlDataSource database, string purchaseOrderId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var data = await connection.QuerySingleAsync<string>("select data::text from order_sync_saga where purchase_order_id = @purchaseOrderId", new { purchaseOrderId });
        return JsonNode.Parse(data)!.AsObject();
    }
}
