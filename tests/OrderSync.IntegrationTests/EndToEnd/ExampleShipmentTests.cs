using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.EndToEnd;

/// <summary>
/// The first vertical slice, with every real part: a Commerce event published as raw CloudEvents JSON by a plain AMQP client,
/// the worker on RabbitMQ and PostgreSQL, the Walmart sandbox over HTTP, the result read back from the results exchange.
/// </summary>
public sealed class ExampleShipmentTests : IAsyncLifetime
{
    private IsolatedEnvironment _environment = null!;
    private WalmartSandbox _sandbox = null!;
    private WorkerUnderTest _worker = null!;
    private SyncResultListener _results = null!;
    private CommercePublisher _commerce = null!;

    public async Task InitializeAsync()
    {
        _environment = await IsolatedEnvironment.Create();
        _sandbox = await WalmartSandbox.Start();
        _worker = await WorkerUnderTest.Start(_environment, _sandbox.BaseUrl);
        _results = await SyncResultListener.Connect(_environment.RabbitMq);
        _commerce = await CommercePublisher.Connect(_environment.RabbitMq);
    }

    public async Task DisposeAsync()
    {
        await _commerce.DisposeAsync();
        await _results.DisposeAsync();
        await _worker.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task The_example_shipment_is_shipped_on_walmart_and_reported_as_partially_shipped()
    {
        var shipment = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Sample("shipment-saved.json")))!;

        await _commerce.Publish(shipment);

        var result = await _results.WaitFor("walmart.order.shipment.synced", "108829735420014");
        result.RoutingKey.ShouldBe("walmart.order.shipment.synced");
        result.ContentType.ShouldBe("application/cloudevents+json");
        result.Body.GetProperty("specversion").GetString().ShouldBe("1.0");
        result.Body.GetProperty("source").GetString().ShouldBe("urn:channel-manager:walmart-sync");
        Guid.TryParse(result.Body.GetProperty("id").GetString(), out _).ShouldBeTrue();

        var data = result.Data;
        data.GetProperty("purchaseOrderId").GetString().ShouldBe("108829735420014");
        data.GetProperty("orderIncrementId").GetString().ShouldBe("000001187");
        data.GetProperty("storeCode").GetString().ShouldBe("walmart_us");
        data.GetProperty("shipmentId").GetString().ShouldBe("412");
        data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        data.GetProperty("causationId").GetString().ShouldBe("7f1c2a0e-5b8d-4a52-9c1e-2f0b6d9a4e31");
        data.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("lineNumber").GetString(), l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32(),
                l.GetProperty("carrier").GetString(), l.GetProperty("trackingNumber").GetString()))
            .ShouldBe(
            [
                ("1", "WM-MUG-BLU", 1, "UPS", "1Z999AA10123456784"),
                ("2", "WM-MUG-BLU", 1, "UPS", "1Z999AA10123456784"),
                ("3", "WM-TEE-L", 1, "UPS", "1Z999AA10123456784"),
            ]);

        var lines = await _sandbox.LineStatuses("108829735420014");
        lines["1"].ShouldContain("Shipped");
        lines["2"].ShouldContain("Shipped");
        lines["3"].ShouldContain("Shipped");
        lines["4"].ShouldNotContain("Shipped");

        var calls = await _sandbox.Calls("108829735420014");
        calls.Count(c => c.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
    }

    [Fact]
    public async Task Redelivering_the_same_event_ships_nothing_more()
    {
        var shipment = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Sample("shipment-saved.json")))!;

        await _commerce.Publish(shipment);
        await _results.WaitFor("walmart.order.shipment.synced", "108829735420014");
        await _commerce.Publish(shipment, contentType: "application/json");
        await _commerce.Publish(shipment, contentType: null);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var calls = await _sandbox.Calls("108829735420014");
        calls.Count(c => c.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
        _results.Results.Count(r => r.Type == "walmart.order.shipment.synced").ShouldBe(1);
    }

    [Fact]
    public async Task A_cancelled_order_is_cancelled_on_walmart_with_the_mapped_reason()
    {
        var cancel = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Sample("order-canceled.json")))!;

        await _commerce.Publish(cancel);

        var result = await _results.WaitFor("walmart.order.cancellation.synced", "108829735420277");
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Canceled");
        var line = result.Data.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("lineNumber").GetString().ShouldBe("1");
        line.GetProperty("reason").GetString().ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
        (await _sandbox.LineStatuses("108829735420277"))["1"].ShouldContain("Cancelled");
    }
}
