using OrderSync.Walmart;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>The sandbox refuses a tracking correction after its window (Sandbox:TrackingChangeWindow), as Walmart does after 4 hours.</summary>
public sealed class SandboxTrackingWindowTests
{
    [Fact]
    public async Task A_tracking_correction_is_accepted_within_the_configured_window_and_refused_after_it()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?> { ["Sandbox:TrackingChangeWindow"] = "00:00:02" });
        var client = sandbox.CreateClient();
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        var ship = new ShipLineRequest("1", 1, "000001187", DateTimeOffset.UtcNow, new TrackingDetails("ups", null, "1Z999AA10123456784", null), "Standard");
        (await client.ShipLinesAsync(SandboxFixture.UsStore, po, [ship])).IsSuccess.ShouldBeTrue();

        var within = await client.UpdateTrackingAsync(SandboxFixture.UsStore, po, [ship with { Tracking = new TrackingDetails("usps", null, "9400111899223817261234", null) }]);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var after = await client.UpdateTrackingAsync(SandboxFixture.UsStore, po, [ship with { Tracking = new TrackingDetails("fedex", null, "771234567890", null) }]);

        within.Outcome.ShouldBe(WalmartOutcome.Success);
        after.Outcome.ShouldBe(WalmartOutcome.Permanent);
        after.HttpStatus.ShouldBe(400);
        var error = after.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("INVALID_REQUEST_CONTENT.GMP_ORDER_API");
        error.Description.ShouldBe("Tracking of order line 1 can be updated only within 2 seconds of its first shipping update; update it in Seller Center");
        var lines = (await sandbox.AdminOrderAsync(po))["order"]!["orderLines"]!["orderLine"]!.AsArray();
        lines[0]!["orderLineStatuses"]!["orderLineStatus"]![0]!["trackingInfo"]!["trackingNumber"]!.GetValue<string>().ShouldBe("9400111899223817261234");
    }
}
