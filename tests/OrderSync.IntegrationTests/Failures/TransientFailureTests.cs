using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>Transient failures are retried, in memory and then through durable wait queues, and never dead-lettered.</summary>
public sealed class TransientFailureTests
{
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Worker:RetryIntervals:0"] = "00:00:00.100",
        ["Worker:RetryIntervals:1"] = "00:00:00.300",
        ["Worker:RedeliveryDelays:0"] = "00:00:02",
        ["Worker:RedeliveryDelays:1"] = "00:00:05",
        ["Worker:RedeliveryDelays:2"] = "00:00:10",
    };

    [Fact]
    public async Task A_thirty_second_walmart_outage_is_ridden_out_and_the_result_arrives_after_it()
    {
        await using var stack = await SyncStack.Start(QuickRetries);
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG", "TEE");
        await stack.Sandbox.AddFault(new { purchaseOrderId, fault = "503" });
        var outageEnds = DateTimeOffset.UtcNow.AddSeconds(30);

        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1), ("TEE", 1)]));
        await Task.Delay(outageEnds - DateTimeOffset.UtcNow);
        (await stack.Sandbox.Calls(purchaseOrderId)).Count(c => c.GetProperty("statusCode").GetInt32() == 503).ShouldBeGreaterThan(3);
        await stack.Sandbox.ClearFaults();

        var result = await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(30));
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        stack.Results.Results.ShouldNotContain(r => r.Type == "walmart.order.sync.failed");
        (await stack.DeadLetterCount()).ShouldBe(0u);
    }

    [Fact]
    public async Task An_operation_waiting_for_redelivery_is_delivered_after_its_worker_is_killed_and_another_starts()
    {
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start();
        await using var results = await SyncResultListener.Connect(environment.RabbitMq);
        await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
        await using var broker = await BrokerProbe.Connect(environment.RabbitMq);
        var settings = QuickRetries.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        var purchaseOrderId = await sandbox.SeedOrder("MUG");
        await sandbox.AddFault(new { purchaseOrderId, fault = "503" });

        var first = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, settings);
        await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await Eventually.True(
            async () => await broker.Depth("walmart-sync.wait-2s") + await broker.Depth("walmart-sync.wait-5s") + await broker.Depth("walmart-sync.wait-10s") > 0,
            "the operation to wait for redelivery",
            TimeSpan.FromSeconds(30));
        await first.DisposeAsync();
        await sandbox.ClearFaults();
        await using var second = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, settings);

        var result = await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(40));
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        (await broker.Depth("walmart-sync.walmart-operations_error")).ShouldBe(0u);
    }

    [Fact]
    public async Task Under_tight_throttling_the_worker_paces_itself_to_walmarts_headers_and_ships_every_order_once()
    {
        await using var stack = await SyncStack.Start(
            QuickRetries,
            "--Sandbox:Throttle:Enabled=true",
            "--Sandbox:Throttle:Shipping:Capacity=2",
            "--Sandbox:Throttle:Shipping:RefillEvery=00:00:00.400",
            "--Sandbox:Throttle:GetOrder:Capacity=4",
            "--Sandbox:Throttle:GetOrder:RefillEvery=00:00:00.200");
        var orders = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            orders.Add(await stack.Sandbox.SeedOrder("MUG"));
        }

        foreach (var purchaseOrderId in orders)
        {
            await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        }

        foreach (var purchaseOrderId in orders)
        {
            await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60));
        }

        var calls = await Task.WhenAll(orders.Select(stack.Sandbox.Calls));
        // Walmart's token count and replenish time on every answer pace the calls before a 429 is needed.
        calls.SelectMany(c => c).Count(c => c.GetProperty("statusCode").GetInt32() == 429).ShouldBeLessThanOrEqualTo(2);
        calls.ShouldAllBe(orderCalls => orderCalls.Count(c => c.GetProperty("operation").GetString() == "shipping" && c.GetProperty("statusCode").GetInt32() == 200) == 1);
        stack.Results.Results.ShouldNotContain(r => r.Type == "walmart.order.sync.failed");
        (await stack.DeadLetterCount()).ShouldBe(0u);
    }
}
