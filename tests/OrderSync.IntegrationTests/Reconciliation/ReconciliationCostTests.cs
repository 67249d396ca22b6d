using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Reconciliation;

/// <summary>What reconciling spends of a seller's Walmart budget: counted in the sandbox's call log.</summary>
public sealed class ReconciliationCostTests
{
    private const int Orders = 30;

    [Fact]
    public async Task A_pass_over_orders_already_compared_spends_one_search_call_and_no_order_reads()
    {
        await using var stack = await SyncStack.Start(ReconciliationStack.Settings());
        var orders = new List<string>();
        for (var index = 0; index < Orders; index++)
        {
            var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", "MUG", "TEE");
            await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], "1Z999AA1" + index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)));
            orders.Add(po);
        }

        foreach (var po in orders)
        {
            await stack.Results.WaitFor("walmart.order.shipment.synced", po, TimeSpan.FromSeconds(60));
        }

        // Once every order has been compared, the passes after it are what reconciling costs in the steady state.
        await ReconciliationStack.WaitForPasses(stack.Environment.Postgres, 2);
        var from = (await stack.Sandbox.RecordedCalls()).Max(c => c.Sequence);
        await ReconciliationStack.WaitForPasses(stack.Environment.Postgres, 3);
        var calls = (await stack.Sandbox.RecordedCalls()).Where(c => c.Sequence > from).ToList();

        var searches = calls.Count(c => c.Path == "/v3/orders");
        searches.ShouldBeInRange(3, 4, "one search a pass (a pass under way when counting began may add one)");
        calls.Where(c => c.Path.StartsWith("/v3/orders/", StringComparison.Ordinal)).ShouldBeEmpty("no order is read by itself once compared");
        stack.Results.Results.ShouldNotContain(r => r.Type == ReconciliationStack.ChangedOnWalmart, "nothing changed on Walmart");
    }
}
