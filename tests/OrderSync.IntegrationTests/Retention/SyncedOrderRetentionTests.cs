using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.IntegrationTests.Cli;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Worker.Retention;

namespace OrderSync.IntegrationTests.Retention;

/// <summary>Orders synced by the real worker, aged with SQL, then a retention pass: what goes, what stays, what the operator sees.</summary>
public sealed class SyncedOrderRetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Days100 = TimeSpan.FromDays(100);

    private SyncStack _stack = null!;
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync()
    {
        _stack = await SyncStack.Start();
        _database = NpgsqlDataSource.Create(_stack.Environment.Postgres);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task A_finished_order_past_its_age_goes_with_its_history_while_an_unfinished_one_and_a_recent_one_stay()
    {
        var finished = await Ship(skus: ["MUG"], shipped: ["MUG"]);
        var unfinished = await Ship(skus: ["MUG", "CAP"], shipped: ["MUG"]);
        var recent = await Ship(skus: ["MUG"], shipped: ["MUG"]);
        await SeededRows.Backdate(_database, [finished, unfinished], Days100);
        await OutboxEmptied();

        await Pass(new RetentionOptions { CallHistory = TimeSpan.FromDays(180) }).TryRun(CancellationToken.None);

        foreach (var table in new[] { "order_sync_saga", "walmart_operation", "walmart_call" })
        {
            (await SeededRows.OfOrders(_database, table, finished)).ShouldBe(0, table);
            (await SeededRows.OfOrders(_database, table, unfinished)).ShouldBeGreaterThan(0, table);
            (await SeededRows.OfOrders(_database, table, recent)).ShouldBeGreaterThan(0, table);
        }

        (await SeededRows.Count(_database, "select count(*) from order_event_arrival")).ShouldBe(2, "the arrival numbers of the two orders kept");
        var gone = await Cli("orders", "show", finished);
        gone.ExitCode.ShouldBe(1);
        gone.ErrorLine.ShouldBe($"ordersync: no such order: {finished}");
        gone.StandardOutput.ShouldBeEmpty();
        (await Cli("orders", "show", unfinished, "--json")).ShouldSucceed().Json().GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        (await Cli("orders", "show", recent, "--json")).ShouldSucceed().Json().GetProperty("walmartCalls").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_late_copy_of_a_removed_orders_shipment_starts_the_order_again_and_ships_nothing_twice()
    {
        var purchaseOrderId = await _stack.Sandbox.SeedOrder("MUG");
        var shipment = CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]);
        await _stack.Commerce.Publish(shipment);
        await _stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        await SeededRows.Backdate(_database, [purchaseOrderId], Days100);
        await OutboxEmptied();
        await Pass(new RetentionOptions()).TryRun(CancellationToken.None);
        (await SeededRows.OfOrders(_database, "order_sync_saga", purchaseOrderId)).ShouldBe(0);

        await _stack.Commerce.Publish(shipment);

        // The order starts afresh, reads Walmart's order first and finds nothing left to ship: Walmart refuses nothing, the order is in Error.
        var failed = await _stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        failed.Data.GetProperty("statusDetails").GetString()!.ShouldContain("left to ship");
        (await _stack.Sandbox.Calls(purchaseOrderId)).Count(call => call.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
    }

    /// <summary>A new Walmart order of these SKUs, one unit each, and a Commerce shipment of some of them, synced.</summary>
    private async Task<string> Ship(string[] skus, string[] shipped)
    {
        var purchaseOrderId = await _stack.Sandbox.SeedOrder(skus);
        await _stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [.. shipped.Select(sku => (sku, 1))]));
        await _stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        return purchaseOrderId;
    }

    /// <summary>The results' outbox rows are deleted just after they are sent; an order with one left is not finished yet.</summary>
    private Task OutboxEmptied() =>
        Eventually.True(async () => await SeededRows.Count(_database, "select count(*) from order_sync_outbox") == 0, "the outbox is emptied");

    private RetentionPass Pass(RetentionOptions options) => new(_database, Options.Create(options), TimeProvider.System);

    private async Task<CliResult> Cli(params string[] arguments) => await OperatorCli.Run(
        new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = _stack.Environment.RabbitMq.ToString(),
            ["ConnectionStrings__Postgres"] = _stack.Environment.Postgres,
        },
        arguments);
}
