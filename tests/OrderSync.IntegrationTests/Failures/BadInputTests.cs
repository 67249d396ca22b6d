using System.Text;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>Bad input gets a clear reason (a dead letter, and an Error result when the order is known) and loses nothing else.</summary>
public sealed class BadInputTests
{
    private const string IntakeErrorQueue = "walmart-sync.commerce-events_error";

    [Fact]
    public async Task Malformed_events_are_dead_lettered_with_a_readable_reason_while_valid_events_around_them_sync()
    {
        await using var stack = await SyncStack.Start();
        var before = await stack.Sandbox.SeedOrder("MUG");
        var after = await stack.Sandbox.SeedOrder("TEE");
        var badQuantityOrder = await stack.Sandbox.SeedOrder("CAP");

        var missingOrder = CommerceEvents.Shipment(WalmartSandbox.NewPurchaseOrderId(), "s9", [("MUG", 1)]);
        missingOrder["data"]!["value"]!.AsObject().Remove("ext_order_id");
        var badQuantity = CommerceEvents.Shipment(badQuantityOrder, "s8", [("CAP", 1)]);
        badQuantity["data"]!["value"]!["items"]![0]!["qty"] = "abc";
        var negativeQuantity = CommerceEvents.Shipment(WalmartSandbox.NewPurchaseOrderId(), "s7", [("CAP", 1)]);
        negativeQuantity["data"]!["value"]!["items"]![0]!["qty"] = "-1.0000";
        var otherType = CommerceEvents.Shipment(WalmartSandbox.NewPurchaseOrderId(), "s6", [("CAP", 1)]);
        otherType["type"] = "com.adobe.commerce.observer.catalog_product_save_after";

        await stack.Commerce.Publish(CommerceEvents.Shipment(before, "s1", [("MUG", 1)]));
        await stack.Commerce.PublishRaw(Encoding.UTF8.GetBytes("this is { not json"), ContractNames.ShipmentSaved, "application/cloudevents+json");
        await stack.Commerce.PublishRaw(Encoding.UTF8.GetBytes("""{"hello":"world"}"""), ContractNames.ShipmentSaved, "application/json");
        await stack.Commerce.PublishRaw(Encoding.UTF8.GetBytes("[1,2,3]"), ContractNames.ShipmentSaved, null);
        await stack.Commerce.Publish(missingOrder);
        await stack.Commerce.Publish(badQuantity);
        await stack.Commerce.Publish(negativeQuantity);
        await stack.Commerce.PublishRaw(Encoding.UTF8.GetBytes(otherType.ToJsonString()), ContractNames.ShipmentSaved, "application/json");
        await stack.Commerce.Publish(CommerceEvents.Shipment(after, "s2", [("TEE", 1)]));

        await stack.Results.WaitFor("walmart.order.shipment.synced", before);
        await stack.Results.WaitFor("walmart.order.shipment.synced", after);
        var rejected = await stack.Results.WaitFor("walmart.order.sync.failed", badQuantityOrder);
        rejected.Data.GetProperty("errorSource").GetString().ShouldBe("commerce");
        rejected.Data.GetProperty("statusDetails").GetString().ShouldBe("Field data.value.items[0].qty is 'abc', which is not a number.");

        await Eventually.True(async () => await stack.Broker.Depth(IntakeErrorQueue) == 6, "six dead letters", TimeSpan.FromSeconds(15));
        var reasons = (await stack.TakeDeadLetters(IntakeErrorQueue)).Select(d => d.Reason).ToList();
        reasons.ShouldContain(r => r.StartsWith("The message body is not JSON", StringComparison.Ordinal), string.Join(" | ", reasons));
        reasons.ShouldContain("The message is not a CloudEvent: attribute 'specversion' is missing.");
        reasons.ShouldContain("The message body is a JSON array, not a CloudEvent object.");
        reasons.ShouldContain("Field data.value.ext_order_id is missing.");
        reasons.ShouldContain("Field data.value.items[0].qty is 'abc', which is not a number.");
        reasons.ShouldContain("Field data.value.items[0].qty is '-1.0000'; it must be a whole number above zero.");
    }

    [Fact]
    public async Task A_sku_not_on_the_walmart_order_is_an_error_with_details_and_nothing_is_shipped()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("LAMP", 1)]));

        var failed = await stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        failed.Data.GetProperty("statusDetails").GetString().ShouldBe($"SKU LAMP is not on Walmart order {purchaseOrderId}.");
        failed.Data.GetProperty("errorSource").GetString().ShouldBe("commerce");
        (await stack.Sandbox.Calls(purchaseOrderId)).ShouldNotContain(c => c.GetProperty("operation").GetString() == "shipping");
    }
}
