using Dapper;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Cli;

/// <summary>The operator's two recoveries against the real worker: requeue a dead letter, and resync an order in Error.</summary>
public sealed class CliWithWorkerTests
{
    private const string OperationsErrorQueue = "walmart-sync.walmart-operations_error";

    [Fact]
    public async Task A_dead_lettered_operation_requeued_after_the_fix_ships_the_order_and_is_recorded_as_resolved()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = await FailOnAnUnknownOrder(stack);

        var listed = (await Cli(stack, "dead-letters", "list", "--order", purchaseOrderId, "--json")).ShouldSucceed().Json();
        var deadLetter = listed.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        deadLetter.GetProperty("queue").GetString().ShouldBe(OperationsErrorQueue);
        deadLetter.GetProperty("targetQueue").GetString().ShouldBe("walmart-sync.walmart-operations.walmart_us", "the seller's lane");
        deadLetter.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        await stack.Sandbox.SeedOrderAs(purchaseOrderId, "walmart_us", "MUG");

        (await Cli(stack, "dead-letters", "requeue", deadLetter.GetProperty("id").GetString()!)).ShouldSucceed();

        var synced = await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        synced.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        await using var database = NpgsqlDataSource.Create(stack.Environment.Postgres);
        await Eventually.True(
            async () =>
            {
                await using var connection = await database.OpenConnectionAsync();
                return await connection.ExecuteScalarAsync<bool>("select resolved_at is not null from dead_letter_requeue");
            },
            "the worker marks the requeue resolved");
        var after = (await Cli(stack, "dead-letters", "list", "--json")).ShouldSucceed().Json();
        after.GetProperty("total").GetInt32().ShouldBe(0);
        var requeues = after.GetProperty("requeues").EnumerateArray().ShouldHaveSingleItem();
        (requeues.GetProperty("requeued").GetInt32(), requeues.GetProperty("resolved").GetInt32()).ShouldBe((1, 1));
    }

    [Fact]
    public async Task An_order_in_error_shows_its_failed_walmart_call_and_a_resync_after_the_fix_ships_it()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = await FailOnAnUnknownOrder(stack);

        var order = (await Cli(stack, "orders", "show", purchaseOrderId, "--json")).ShouldSucceed().Json();
        order.GetProperty("orderStatus").GetString().ShouldBe("Error");
        order.GetProperty("lastError").GetString().ShouldNotBeNullOrWhiteSpace();
        order.GetProperty("walmartCalls").EnumerateArray().ShouldContain(call => call.GetProperty("httpStatus").GetInt32() == 404);
        await stack.Sandbox.SeedOrderAs(purchaseOrderId, "walmart_us", "MUG");

        var resync = (await Cli(stack, "orders", "resync", purchaseOrderId, "--wait", "60", "--json")).ShouldSucceed().Json();

        resync.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        var shipped = (await Cli(stack, "orders", "show", purchaseOrderId, "--json")).ShouldSucceed().Json();
        shipped.GetProperty("walmartLines")[0].GetProperty("shipped").GetInt32().ShouldBe(1);
        shipped.GetProperty("walmartCalls").EnumerateArray().ShouldContain(call => call.GetProperty("outcome").GetString() == "Success");
    }

    /// <summary>A shipment of a purchase order Walmart does not know: the operation fails for good, the order is in Error.</summary>
    private static async Task<string> FailOnAnUnknownOrder(SyncStack stack)
    {
        var purchaseOrderId = WalmartSandbox.NewPurchaseOrderId();
        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        await Eventually.True(async () => await stack.Broker.Depth(OperationsErrorQueue) == 1, "the dead letter", TimeSpan.FromSeconds(10));
        return purchaseOrderId;
    }

    private static async Task<CliResult> Cli(SyncStack stack, params string[] arguments)
    {
        var services = await LocalServices.Get();
        return await OperatorCli.Run(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = stack.Environment.RabbitMq.ToString(),
                ["ConnectionStrings__Postgres"] = stack.Environment.Postgres,
                ["ORDERSYNC_RABBITMQ_MANAGEMENT_URL"] = services.RabbitMqManagement.ToString(),
            },
            arguments);
    }
}
