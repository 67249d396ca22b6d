using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Observability;

/// <summary>The worker's console log, as deployed: an event's values cannot forge a line of it.</summary>
public sealed class LogLineTests
{
    private const string Forged = "12:00:00.000 INF Forged: synced";

    [Fact]
    public async Task A_line_break_in_a_sku_does_not_start_a_new_log_line()
    {
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start();
        await using var results = await SyncResultListener.Connect(environment.RabbitMq);
        await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
        await using var worker = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl);
        var purchaseOrderId = await sandbox.SeedOrder("MUG");

        await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG\r\n" + Forged, 1)]));
        await results.WaitFor("walmart.order.sync.failed", purchaseOrderId, TimeSpan.FromSeconds(60));
        await worker.Terminate(TimeSpan.FromSeconds(30));

        var log = ChildProcess.Read(worker.LogPath);
        log.ShouldContain("MUG\\r\\n" + Forged, customMessage: "the SKU was not logged escaped");
        log.Split('\n').ShouldNotContain(line => line.TrimStart('\r').StartsWith(Forged, StringComparison.Ordinal), "a SKU started a log line");
    }
}
