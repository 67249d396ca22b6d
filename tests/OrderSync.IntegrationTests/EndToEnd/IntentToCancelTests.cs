using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.EndToEnd;

/// <summary>
/// Lines the customer asked Walmart to cancel (intentToCancel), with every real part: shipped with Walmart's override and
/// reported for the merchant to follow up, or cancelled with the customer's reason.
/// </summary>
public sealed class IntentToCancelTests : IAsyncLifetime
{
    private SyncStack _stack = null!;

    public async Task InitializeAsync() => _stack = await SyncStack.Start();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_shipped_line_the_customer_asked_to_cancel_goes_with_the_override_and_its_result_line_says_so()
    {
        var po = await _stack.Sandbox.SeedOrder("MUG", "TEE");
        await _stack.Sandbox.MarkIntentToCancel(po, "1");

        await _stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1), ("TEE", 1)]));

        var result = await _stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        var lines = result.Data.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("lineNumber").GetString()!);
        lines["1"].GetProperty("customerRequestedCancel").GetBoolean().ShouldBeTrue();
        lines["2"].TryGetProperty("customerRequestedCancel", out _).ShouldBeFalse();

        var shipping = (await _stack.Sandbox.Calls(po)).Where(c => c.GetProperty("operation").GetString() == "shipping").ShouldHaveSingleItem();
        shipping.GetProperty("statusCode").GetInt32().ShouldBe(200);
        using var body = JsonDocument.Parse(shipping.GetProperty("requestBody").GetString()!);
        var sent = body.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine").EnumerateArray()
            .ToDictionary(l => l.GetProperty("lineNumber").GetString()!);
        sent["1"].GetProperty("intentToCancelOverride").GetBoolean().ShouldBeTrue();
        sent["2"].TryGetProperty("intentToCancelOverride", out _).ShouldBeFalse();
        (await _stack.Sandbox.LineStatuses(po)).Values.ShouldAllBe(statuses => statuses.Contains("Shipped"));
    }

    [Fact]
    public async Task A_cancelled_line_the_customer_asked_to_cancel_goes_with_the_customers_reason_and_the_other_with_commerces()
    {
        var po = await _stack.Sandbox.SeedOrder("MUG", "TEE");
        await _stack.Sandbox.MarkIntentToCancel(po, "1");

        await _stack.Commerce.Publish(CommerceEvents.Cancellation(po, "out_of_stock"));

        var result = await _stack.Results.WaitFor(ContractNames.CancellationSynced, po);
        result.Data.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("lineNumber").GetString(), l.GetProperty("reason").GetString()))
            .ShouldBe([("1", "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), ("2", "SELLER_CANCEL_OUT_OF_STOCK")], ignoreOrder: true);

        var order = await _stack.Sandbox.Order(po);
        order.GetProperty("orderLines").GetProperty("orderLine").EnumerateArray()
            .Select(l => (l.GetProperty("lineNumber").GetString(),
                l.GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0].GetProperty("cancellationReason").GetString()))
            .ShouldBe([("1", "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), ("2", "SELLER_CANCEL_OUT_OF_STOCK")], ignoreOrder: true);
    }
}
