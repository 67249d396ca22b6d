using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Observability;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_during_a_load_of_500_events_loses_none_and_ships_nothing_twice()
    {
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start();
        await using var results = await SyncResultListener.Connect(environment.RabbitMq);
        await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
        await using var broker = await BrokerProbe.Connect(environment.RabbitMq);
        var orders = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            orders.Add(await sandbox.SeedOrder("MUG"));
        }

        // The sandbox does not throttle here; Walmart's own limits (the client's default buckets) would make this a 9-minute test.
        var unthrottled = new Dictionary<string, string> { ["Walmart__RateLimits__Enabled"] = "false" };
        var first = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, unthrottled);
        foreach (var purchaseOrderId in orders)
        {
            await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        }

        await Eventually.True(() => results.Results.Count >= 50, "some results before the SIGTERM", TimeSpan.FromSeconds(60));
        await first.Terminate(TimeSpan.FromSeconds(40));
        first.ExitCode.ShouldBe(0);
        var syncedBeforeRestart = results.Results.Count;
        syncedBeforeRestart.ShouldBeLessThan(500, "the load was over before the SIGTERM; the test proves nothing");
        await first.DisposeAsync();

        await using var second = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, unthrottled);
        try
        {
            // A result may come twice under one id (the outbox delivers at least once): count orders answered, not results.
            await Eventually.True(
                () => results.Results.Where(r => r.Type == "walmart.order.shipment.synced").Select(r => r.Subject).Distinct().Count() >= 500,
                "all 500 orders answered",
                TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            var queues = new[] { "walmart-sync.commerce-events", "walmart-sync.order-sync", "walmart-sync.walmart-operations", "walmart-sync.wait-5s", "walmart-sync.commerce-events_error", "walmart-sync.order-sync_error", "walmart-sync.walmart-operations_error", "walmart-sync.order-sync_skipped" };
            var depths = string.Join(", ", await Task.WhenAll(queues.Select(async q => $"{q}={await broker.Depth(q)}")));
            await using var connection = new Npgsql.NpgsqlConnection(environment.Postgres);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("select current_state || ':' || count(*) from order_sync_saga group by current_state", connection);
            var states = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    states.Add(reader.GetString(0));
                }
            }

            throw new TimeoutException($"{results.Results.Count} results ({syncedBeforeRestart} before the restart); queues: {depths}; sagas: {string.Join(", ", states)}");
        }

        results.Results.Where(r => r.Type == "walmart.order.shipment.synced").Select(r => r.Subject).Distinct().Count().ShouldBe(500);
        results.Results.ShouldNotContain(r => r.Type == "walmart.order.sync.failed");
        var shipCalls = (await sandbox.AllCalls()).Where(c => c.GetProperty("operation").GetString() == "shipping" && c.GetProperty("statusCode").GetInt32() == 200).ToList();
        shipCalls.Count.ShouldBe(500, "each order shipped exactly once");
        (await broker.Depth("walmart-sync.commerce-events_error") + await broker.Depth("walmart-sync.order-sync_error") + await broker.Depth("walmart-sync.walmart-operations_error")).ShouldBe(0u);
    }
}
