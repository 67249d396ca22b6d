using System.Text;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>What cannot succeed ends in Error with a reason and a dead letter, and succeeds once the cause is fixed and it is retried.</summary>
public sealed class PermanentFailureTests
{
    private const string OperationsErrorQueue = "walmart-sync.walmart-operations_error";

    [Fact]
    public async Task An_unknown_purchase_order_ends_in_error_once_and_a_resync_after_the_fix_ships_it()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = WalmartSandbox.NewPurchaseOrderId();

        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));

        var failed = await stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        failed.Data.GetProperty("orderStatus").GetString().ShouldBe("Error");
        failed.Data.GetProperty("errorSource").GetString().ShouldBe("walmart");
        failed.Data.GetProperty("operation").GetString().ShouldBe("shipment");
        failed.Data.GetProperty("statusDetails").GetString().ShouldNotBeNullOrWhiteSpace();
        await Eventually.True(async () => await stack.Broker.Depth(OperationsErrorQueue) == 1, "the dead letter", TimeSpan.FromSeconds(10));
        (await stack.Sandbox.Calls(purchaseOrderId)).Count(c => c.GetProperty("operation").GetString() == "get").ShouldBe(1, "a 404 is not retried");

        await stack.Sandbox.SeedOrderAs(purchaseOrderId, "walmart_us", "MUG");
        await stack.Commerce.PublishRaw(
            Encoding.UTF8.GetBytes(new JsonObject { ["command"] = "resync", ["purchaseOrderId"] = purchaseOrderId, ["storeCode"] = "walmart_us", ["requestedBy"] = "test" }.ToJsonString()),
            routingKey: "walmart-sync.operator-commands",
            contentType: "application/json",
            exchange: string.Empty);

        var synced = await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        synced.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
    }

    [Fact]
    public async Task A_dead_lettered_operation_requeued_after_the_fix_ships_the_order_and_carries_the_order_and_walmarts_errors()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = WalmartSandbox.NewPurchaseOrderId();

        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        await Eventually.True(async () => await stack.Broker.Depth(OperationsErrorQueue) == 1, "the dead letter", TimeSpan.FromSeconds(10));
        var deadLetter = (await stack.TakeDeadLetters(OperationsErrorQueue)).ShouldHaveSingleItem();
        deadLetter.Headers["x-purchase-order-id"].ShouldBe(purchaseOrderId);
        deadLetter.Headers["x-store-code"].ShouldBe("walmart_us");
        deadLetter.Headers.ShouldContainKey("x-walmart-errors");
        deadLetter.Reason.ShouldNotBeNullOrWhiteSpace();

        await stack.Sandbox.SeedOrderAs(purchaseOrderId, "walmart_us", "MUG");
        await stack.Broker.SendToQueue("walmart-sync.walmart-operations", deadLetter);

        var synced = await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        synced.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_ends_in_error_blaming_commerce_without_a_walmart_call()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(CommerceEvents.Cancellation(purchaseOrderId, reason: null));

        var failed = await stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        failed.Data.GetProperty("errorSource").GetString().ShouldBe("commerce");
        failed.Data.GetProperty("operation").GetString().ShouldBe("cancellation");
        (await stack.Sandbox.Calls(purchaseOrderId)).ShouldBeEmpty();
    }
}
