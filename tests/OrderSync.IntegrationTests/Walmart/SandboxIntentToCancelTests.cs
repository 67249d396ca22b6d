using System.Net;
using OrderSync.Walmart;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>A line the customer asked to cancel, as the sandbox holds it: Walmart ships it only with intentToCancelOverride.</summary>
public sealed class SandboxIntentToCancelTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_marked_line_reads_as_the_customers_request_and_the_other_does_not()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1), ("WM-TEE-L", 1));
        using (var marked = await sandbox.MarkIntentToCancelAsync(po, "1"))
        {
            marked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var order = (await sandbox.CreateClient().GetOrderAsync(SandboxFixture.UsStore, po)).Value.ShouldNotBeNull();

        order.Lines.Select(line => (line.LineNumber, line.IntentToCancel)).ShouldBe([("1", true), ("2", false)]);
    }

    [Fact]
    public async Task A_ship_of_a_marked_line_without_the_override_is_refused_as_walmart_does_and_ships_with_it()
    {
        var client = sandbox.CreateClient();
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        (await sandbox.MarkIntentToCancelAsync(po, "1")).Dispose();
        var line = new ShipLineRequest("1", 1, "000001187", DateTimeOffset.UtcNow, new TrackingDetails("ups", null, "1Z999AA10123456784", null), "Standard");

        var refused = await client.ShipLinesAsync(SandboxFixture.UsStore, po, [line]);
        var statusesAfterRefusal = (await sandbox.AdminOrderAsync(po))["order"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!.ToJsonString();
        var shipped = await client.ShipLinesAsync(SandboxFixture.UsStore, po, [line with { IntentToCancelOverride = true }]);

        refused.Outcome.ShouldBe(WalmartOutcome.Permanent);
        refused.HttpStatus.ShouldBe(400);
        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("INVALID_REQUEST_CONTENT.GMP_ORDER_API");
        error.Field.ShouldBe("intentToCancelOverride");
        statusesAfterRefusal.ShouldNotContain("Shipped");
        shipped.IsSuccess.ShouldBeTrue();
        shipped.Value!.Lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            l => l.ShippedQuantity.ShouldBe(1),
            l => l.IntentToCancel.ShouldBeTrue());
    }

    [Fact]
    public async Task An_unknown_line_or_order_cannot_be_marked()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));

        using var unknownLine = await sandbox.MarkIntentToCancelAsync(po, "9");
        using var unknownOrder = await sandbox.MarkIntentToCancelAsync("999999999999999", "1");

        unknownLine.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknownLine.Content.ReadAsStringAsync()).ShouldContain("Order line 9 does not exist");
        unknownOrder.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
