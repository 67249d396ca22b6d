using Dapper;
using Npgsql;
using OrderSync.IntegrationTests.Cli;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Worker.Observability;

namespace OrderSync.IntegrationTests.EndToEnd;

/// <summary>
/// Walmart's ship-by date read with the order, kept by the saga, counted per store while work is left, and shown by
/// <c>orders show</c>, with every real part.
/// </summary>
public sealed class ShipByTests
{
    [Fact]
    public async Task An_order_past_ship_by_whose_shipment_failed_counts_as_overdue_and_orders_show_says_so_while_a_shipped_one_does_not_count()
    {
        await using var stack = await SyncStack.Start();
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2).AddHours(-1);
        var failed = await stack.Sandbox.SeedOrderShippingBy(twoDaysAgo, "MUG", "CAP");
        var shipped = await stack.Sandbox.SeedOrderShippingBy(twoDaysAgo, "MUG");
        var dueSoon = await stack.Sandbox.SeedOrderShippingBy(DateTimeOffset.UtcNow.AddHours(3), "MUG");

        // A SKU not on the order: refused after the order is read, so the failure carries the ship-by date.
        await stack.Commerce.Publish(CommerceEvents.Shipment(failed, "s1", [("HAT", 1)]));
        await stack.Commerce.Publish(CommerceEvents.Shipment(shipped, "s1", [("MUG", 1)]));
        await stack.Commerce.Publish(CommerceEvents.Shipment(dueSoon, "s1", [("HAT", 1)]));
        await stack.Results.WaitFor(ContractNames.SyncFailed, failed);
        await stack.Results.WaitFor(ContractNames.ShipmentSynced, shipped);
        await stack.Results.WaitFor(ContractNames.SyncFailed, dueSoon);

        var watch = stack.Worker!.Get<ShipByWatch>();
        await watch.Refresh(CancellationToken.None);

        // Read from this worker's gauge: other tests' workers in this process report the same series to every host's /metrics.
        Gauge(watch, "overdue").ShouldBe(1);
        Gauge(watch, "due_within_24h").ShouldBe(1);
        using var http = new HttpClient { BaseAddress = stack.Worker.HttpAddress };
        (await http.GetStringAsync("metrics")).ShouldContain("ordersync_orders_ship_by{");
        (await PassedLogged(stack, failed)).ShouldBeTrue();
        (await PassedLogged(stack, shipped)).ShouldBeFalse();

        var shown = (await Cli(stack, "orders", "show", failed)).ShouldSucceed();
        shown.StandardOutput.ShouldContain("Ship-by passed 2 days ago: Walmart cancels unshipped lines about 4 days after it");
        var json = (await Cli(stack, "orders", "show", failed, "--json")).ShouldSucceed().Json();
        json.GetProperty("shipBy").GetDateTimeOffset().ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(twoDaysAgo.ToUnixTimeMilliseconds()));
        (await Cli(stack, "orders", "show", dueSoon)).ShouldSucceed().StandardOutput.ShouldContain("h left");
        (await Cli(stack, "orders", "show", shipped)).ShouldSucceed().StandardOutput.ShouldNotContain("Ship-by passed");
    }

    private static long Gauge(ShipByWatch watch, string when) => watch.Observe()
        .Single(measurement => measurement.Tags.ToArray() is var tags
            && tags.Contains(new KeyValuePair<string, object?>("store", "walmart_us"))
            && tags.Contains(new KeyValuePair<string, object?>("when", when)))
        .Value;

    private static async Task<bool> PassedLogged(SyncStack stack, string purchaseOrderId)
    {
        await using var database = NpgsqlDataSource.Create(stack.Environment.Postgres);
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<bool>(
            "select ship_by_passed_logged from order_sync_saga where purchase_order_id = @purchaseOrderId", new { purchaseOrderId });
    }

    private static async Task<CliResult> Cli(SyncStack stack, params string[] arguments) => await OperatorCli.Run(
        new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = stack.Environment.RabbitMq.ToString(),
            ["ConnectionStrings__Postgres"] = stack.Environment.Postgres,
        },
        arguments);
}
