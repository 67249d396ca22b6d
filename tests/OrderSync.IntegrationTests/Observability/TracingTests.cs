using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Observability;

public sealed class TracingTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_set_a_synced_shipment_exports_its_message_walmart_and_database_spans()
    {
        await using var collector = await OtlpTraceReceiver.Start();
        await using var stack = await SyncStack.Start(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });

        await stack.Commerce.Publish(JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Sample("shipment-saved.json")))!);
        await stack.Results.WaitFor("walmart.order.shipment.synced", "108829735420014");

        await Eventually.True(
            () => collector.Received("ordersync-worker") && collector.Received("walmart-sync.commerce-events")
                && collector.Received("/v3/orders/108829735420014/shipping") && collector.Received("postgresql"),
            "the worker's spans at the OTLP endpoint: its service name, the intake queue, the Walmart ship call, a PostgreSQL command",
            TimeSpan.FromSeconds(30));
    }
}
