using System.Globalization;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary><c>ordersync status</c> and the backlog-age metric against the real worker, while Walmart is down and after.</summary>
public sealed class ServiceStatusTests
{
    private const string Store = "walmart_backlog";

    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Worker:RetryIntervals:0"] = "00:00:00.100",
        ["Worker:RetryIntervals:1"] = "00:00:00.300",
        ["Worker:RedeliveryDelays:0"] = "00:00:02",
        ["Worker:RedeliveryDelays:1"] = "00:00:05",
        ["Worker:RedeliveryDelays:2"] = "00:00:05",

        // A store of its own (the sandbox's walmart_us seller): workers of tests running beside this one report the same metric.
        [$"Walmart:Sellers:{Store}:ClientId"] = "sandbox-walmart-us",
        [$"Walmart:Sellers:{Store}:ClientSecret"] = "sandbox-secret-walmart-us",
    };

    [Fact]
    public async Task Status_shows_the_backlog_age_growing_while_walmart_is_down_and_none_once_it_is_back()
    {
        await using var stack = await SyncStack.Start(QuickRetries);
        var failed = await OperatorStack.FailOnAnUnknownOrder(stack);
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG");
        await stack.Sandbox.AddFault(new { purchaseOrderId, fault = "503" });

        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)], store: Store));

        var first = await Eventually.Matches(() => StoreStatus(stack, Store), store => store.ValueKind == JsonValueKind.Object && store.GetProperty("unsyncedOrders").GetInt32() == 1, "the backlog shows");
        var firstAge = first.GetProperty("oldestUnsyncedEventAgeSeconds").GetDouble();
        await Eventually.Matches(
            () => StoreStatus(stack, Store),
            store => store.GetProperty("oldestUnsyncedEventAgeSeconds").GetDouble() > firstAge + 1,
            "the backlog's age grows while Walmart answers 503");
        first.GetProperty("orders").GetProperty("Pending").GetInt32().ShouldBe(1);
        (await StoreStatus(stack, "walmart_us")).GetProperty("orders").GetProperty("Error").GetInt32().ShouldBe(1);
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };
        await Eventually.Matches(
            async () => string.Join('\n', (await http.GetStringAsync("metrics")).Split('\n').Where(line => line.StartsWith("ordersync_sync_backlog", StringComparison.Ordinal))),
            metrics => BacklogAge(metrics) > 0,
            "the metric ordersync_sync_backlog_oldest_age_seconds shows the backlog",
            TimeSpan.FromSeconds(60));

        var status = await Status(stack);
        status.GetProperty("instances").GetInt32().ShouldBe(1);
        status.GetProperty("deadLetters").EnumerateArray()
            .ShouldContain(queue => queue.GetProperty("queue").GetString() == OperatorStack.OperationsErrorQueue && queue.GetProperty("messages").GetInt32() == 1, $"{failed} failed");
        var table = (await OperatorStack.Cli(stack, "status")).ShouldSucceed().StandardOutput;
        table.ShouldContain("1 instance(s) reading walmart-sync.commerce-events");
        table.ShouldContain(OperatorStack.OperationsErrorQueue);

        await stack.Sandbox.ClearFaults();
        await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60));
        var after = await StoreStatus(stack, Store);
        after.GetProperty("unsyncedOrders").GetInt32().ShouldBe(0);
        after.GetProperty("oldestUnsyncedEventAgeSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("orders").GetProperty("Shipped").GetInt32().ShouldBe(1);
    }

    private static async Task<JsonElement> Status(SyncStack stack) => (await OperatorStack.Cli(stack, "status", "--json")).ShouldSucceed().Json();

    private static async Task<JsonElement> StoreStatus(SyncStack stack, string storeCode) =>
        (await Status(stack)).GetProperty("stores").EnumerateArray().FirstOrDefault(store => store.GetProperty("storeCode").GetString() == storeCode);

    /// <summary>The largest value of the series: tests in parallel host other workers in this process, whose meters the exporter reads too.</summary>
    private static double BacklogAge(string metrics) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith("ordersync_sync_backlog_oldest_age_seconds{", StringComparison.Ordinal) && line.Contains($"store=\"{Store}\"", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
}
