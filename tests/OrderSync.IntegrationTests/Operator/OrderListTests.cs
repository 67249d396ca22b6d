using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary><c>ordersync orders list</c> against the real worker: what Channel Manager's Orders page shows, for an operator.</summary>
public sealed class OrderListTests
{
    [Fact]
    public async Task Orders_list_of_errors_shows_the_failed_order_with_its_reason_and_counts_every_status()
    {
        await using var stack = await SyncStack.Start();
        var failed = await OperatorStack.FailOnAnUnknownOrder(stack);
        var shipped = await OperatorStack.Ship(stack);
        var waiting = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(waiting, "s1", [("MUG", 1)], trackNumber: null));
        await Eventually.True(
            async () => (await OperatorStack.Cli(stack, "orders", "list", "--status", "Pending", "--json")).Json().GetProperty("orders").GetArrayLength() == 1,
            "the shipment waiting for its track is listed as Pending");

        var list = (await OperatorStack.Cli(stack, "orders", "list", "--status", "Error", "--json")).ShouldSucceed().Json();

        list.EnumerateObject().Select(property => property.Name).ShouldBe(["orders", "counts"]);
        var order = list.GetProperty("orders").EnumerateArray().ShouldHaveSingleItem();
        order.EnumerateObject().Select(property => property.Name).ShouldBe(["purchaseOrderId", "storeCode", "orderIncrementId", "status", "updatedAt", "lastError"]);
        order.GetProperty("purchaseOrderId").GetString().ShouldBe(failed);
        order.GetProperty("storeCode").GetString().ShouldBe("walmart_us");
        order.GetProperty("orderIncrementId").GetString().ShouldNotBeNullOrWhiteSpace();
        order.GetProperty("status").GetString().ShouldBe("Error");
        order.GetProperty("updatedAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        order.GetProperty("lastError").GetString().ShouldNotBeNullOrWhiteSpace();
        Counts(list).ShouldBe(new Dictionary<string, int> { ["Error"] = 1, ["Pending"] = 1, ["Shipped"] = 1 });

        var all = (await OperatorStack.Cli(stack, "orders", "list", "--json")).ShouldSucceed().Json();
        all.GetProperty("orders").EnumerateArray().Select(row => row.GetProperty("purchaseOrderId").GetString()).ShouldBe([waiting, shipped, failed], "newest change first");
        all.GetProperty("orders")[0].GetProperty("status").GetString().ShouldBe("Pending");
        all.GetProperty("orders")[1].GetProperty("status").GetString().ShouldBe("Shipped");
    }

    [Fact]
    public async Task Orders_list_filters_by_store_and_limit_and_prints_a_table_and_the_counts()
    {
        await using var stack = await SyncStack.Start();
        var failed = await OperatorStack.FailOnAnUnknownOrder(stack);
        await OperatorStack.Ship(stack);

        var limited = (await OperatorStack.Cli(stack, "orders", "list", "--limit", "1", "--since", "1h", "--json")).ShouldSucceed().Json();
        limited.GetProperty("orders").GetArrayLength().ShouldBe(1);
        Counts(limited).ShouldBe(new Dictionary<string, int> { ["Error"] = 1, ["Shipped"] = 1 }, "the counts are not limited");
        var otherStore = (await OperatorStack.Cli(stack, "orders", "list", "--store", "walmart_ca", "--json")).ShouldSucceed().Json();
        otherStore.GetProperty("orders").GetArrayLength().ShouldBe(0);
        Counts(otherStore).ShouldBeEmpty();

        var table = (await OperatorStack.Cli(stack, "orders", "list", "--status", "error", "--store", "WALMART_US")).ShouldSucceed();
        table.StandardOutput.ShouldContain(failed);
        table.StandardOutput.ShouldContain("Orders by status: Error 1, Shipped 1");
    }

    [Fact]
    public async Task Orders_list_refuses_an_unknown_status_naming_the_ones_it_takes()
    {
        await using var stack = await SyncStack.Start();

        var result = await OperatorStack.Cli(stack, "orders", "list", "--status", "Lost");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("--status takes one of Error, Pending, Partially Shipped, Shipped, Canceled, not 'Lost'");
    }

    private static Dictionary<string, int> Counts(JsonElement list) =>
        list.GetProperty("counts").EnumerateObject().ToDictionary(count => count.Name, count => count.Value.GetInt32());
}
