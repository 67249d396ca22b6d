using Dapper;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>Commerce may spell a store code in any case; it selects one seller, so it must key one saga.</summary>
public sealed class StoreCodeCaseTests
{
    [Fact]
    public async Task Events_for_WALMART_US_and_walmart_us_of_one_order_share_one_saga()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG", "TEE");

        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)], store: "WALMART_US"));
        var first = await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60));
        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s2", [("TEE", 1)], store: "walmart_us"));
        await Eventually.True(
            () => Task.FromResult(stack.Results.Results.Count(r => r.Subject == purchaseOrderId && r.Type == "walmart.order.shipment.synced") == 2),
            "the second shipment to sync",
            TimeSpan.FromSeconds(60));

        first.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        stack.Results.Results.Last(r => r.Subject == purchaseOrderId).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        await using var connection = new NpgsqlConnection(stack.Environment.Postgres);
        (await connection.ExecuteScalarAsync<long>("select count(*) from order_sync_saga where purchase_order_id = @purchaseOrderId", new { purchaseOrderId }))
            .ShouldBe(1);
    }
}
