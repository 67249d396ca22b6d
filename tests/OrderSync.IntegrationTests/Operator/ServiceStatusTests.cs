using System.Globalization;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary><c>ordersync status</c> and the backlog-age metric against the real worker, while Walmart is down and after.</summary>
public sealed class ServiceStatusTests
{
    private const string Store = "walmart_us";

    private static readonly Dictionary<string, string> QuickRetries = new()
    {
        ["Worker__RetryIntervals__0"] = "00:00:00.100",
        ["Worker__RetryIntervals__1"] = "00:00:00.300",
        ["Worker__RedeliveryDelays__0"] = "00:00:02",
        ["Worker__RedeliveryDelays__1"] = "00:00:05",
        ["Worker__RedeliveryDelays__2"] = "00:00:05",
    };

    [Fact]
    public async Task Status_shows_the_backlog_age_growing_while_walmart_is_down_and_none_once_it_is_back()
    {
        // The worker in a process of its own: workers hosted by tests running beside this one share this process's meters.
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start();
        await using var results = await SyncResultListener.Connect(environment.RabbitMq);
        await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
        await using var broker = await BrokerProbe.Connect(environment.RabbitMq);
        await using var worker = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, QuickRetries);
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };
        var failed = WalmartSandbox.NewPurchaseOrderId();
        await commerce.Publish(CommerceEvents.Shipment(failed, "s1", [("MUG", 1)]));
        await results.WaitFor("walmart.order.sync.failed", failed);
        await Eventually.True(async () => await broker.Depth(OperatorStack.OperationsErrorQueue) == 1, "the dead letter");
        var purchaseOrderId = await sandbox.SeedOrder("MUG");
        await sandbox.AddFault(new { purchaseOrderId, fault = "503" });

        await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));

        var first = await Eventually.Matches(() => StoreStatus(environment), store => store.ValueKind == JsonValueKind.Object && store.GetProperty("unsyncedOrders").GetInt32() == 1, "the backlog shows");
        var firstAge = first.GetProperty("oldestUnsyncedEventAgeSeconds").GetDouble();
        await Eventually.Matches(
            () => StoreStatus(environment),
            store => store.GetProperty("oldestUnsyncedEventAgeSeconds").GetDouble() > firstAge + 1,
            "the backlog's age grows while Walmart answers 503");
        first.GetProperty("orders").GetProperty("Pending").GetInt32().ShouldBe(1);
        first.GetProperty("orders").GetProperty("Error").GetInt32().ShouldBe(1);
        var firstMetric = await Eventually.Matches(
            async () => BacklogAge(await http.GetStringAsync("metrics")),
            age => age > 0,
            "the metric ordersync_sync_backlog_oldest_age_seconds shows the backlog",
            TimeSpan.FromSeconds(60));
        await Eventually.Matches(
            async () => BacklogAge(await http.GetStringAsync("metrics")),
            age => age > firstMetric + 1,
            "the metric grows at each scrape",
            TimeSpan.FromSeconds(60));

        var status = await Status(environment);
        status.GetProperty("instances").GetInt32().ShouldBe(1);
        status.GetProperty("deadLetters").EnumerateArray()
            .ShouldContain(queue => queue.GetProperty("queue").GetString() == OperatorStack.OperationsErrorQueue && queue.GetProperty("messages").GetInt32() == 1);
        var table = (await OperatorStack.Cli(environment, "status")).ShouldSucceed().StandardOutput;
        table.ShouldContain("1 instance(s) reading walmart-sync.commerce-events");
        table.ShouldContain(OperatorStack.OperationsErrorQueue);

        await sandbox.ClearFaults();
        await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60));
        var after = await StoreStatus(environment);
        after.GetProperty("unsyncedOrders").GetInt32().ShouldBe(0);
        after.GetProperty("oldestUnsyncedEventAgeSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("orders").GetProperty("Shipped").GetInt32().ShouldBe(1);
        await Eventually.Matches(async () => BacklogAge(await http.GetStringAsync("metrics")), age => age == 0, "the metric drops to 0", TimeSpan.FromSeconds(60));
    }

    private static async Task<JsonElement> Status(IsolatedEnvironment environment) => (await OperatorStack.Cli(environment, "status", "--json")).ShouldSucceed().Json();

    private static async Task<JsonElement> StoreStatus(IsolatedEnvironment environment) =>
        (await Status(environment)).GetProperty("stores").EnumerateArray().FirstOrDefault(store => store.GetProperty("storeCode").GetString() == Store);

    /// <summary>The series' value; -1 while the worker does not export it.</summary>
    private static double BacklogAge(string metrics) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith("ordersync_sync_backlog_oldest_age_seconds{", StringComparison.Ordinal) && line.Contains($"store=\"{Store}\"", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1)
            .Max();
}
