using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartRateLimiterTests
{
    // Long enough that a call whose permit is there cannot run out of time while the test process waits for a CPU (CI runs
    // the suites side by side on two cores; with 50 ms a first call once failed in CI); a call without a permit waits this
    // long before it is held back.
    private const string LongerThanAStall = "00:00:01";

    [Fact]
    public async Task Calls_over_the_clients_own_limit_are_held_back_as_throttled_without_reaching_walmart()
    {
        using var harness = new WalmartClientHarness(new Dictionary<string, string?>
        {
            ["Walmart:RateLimits:Shipping:PermitsPerMinute"] = "1",
            ["Walmart:RateLimits:Shipping:Burst"] = "1",
            ["Walmart:RateLimits:MaxWait"] = LongerThanAStall,
        });

        var first = await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1", [WalmartClientHarness.ShipLine()]);
        var second = await harness.Client.UpdateTrackingAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine() with { CurrentTrackingNumber = "1Z-OLD" }]);
        var read = await harness.Client.GetOrderAsync(WalmartClientHarness.StoreCode, "PO-1");

        first.Outcome.ShouldBe(WalmartOutcome.Success, first.Message);
        second.Outcome.ShouldBe(WalmartOutcome.Throttled);
        second.HttpStatus.ShouldBeNull();
        second.RetryAt.ShouldNotBeNull();
        read.IsSuccess.ShouldBeTrue("reads draw from their own bucket");
        harness.Handler.OrderRequests.Count(request => request.Path.EndsWith("/shipping", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task The_client_keeps_one_call_of_walmarts_burst_in_reserve()
    {
        using var harness = new WalmartClientHarness(new Dictionary<string, string?>
        {
            ["Walmart:RateLimits:Cancel:PermitsPerMinute"] = "1",
            ["Walmart:RateLimits:Cancel:Burst"] = "3",
            ["Walmart:RateLimits:MaxWait"] = LongerThanAStall,
        });
        CancelLineRequest[] lines = [new("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")];

        var outcomes = new List<WalmartOutcome>();
        for (var call = 0; call < 3; call++)
        {
            outcomes.Add((await harness.Client.CancelLinesAsync("walmart_us", $"PO-{call}", lines)).Outcome);
        }

        outcomes.ShouldBe([WalmartOutcome.Success, WalmartOutcome.Success, WalmartOutcome.Throttled]);
    }

    [Fact]
    public async Task Each_seller_has_its_own_buckets()
    {
        using var harness = new WalmartClientHarness(new Dictionary<string, string?>
        {
            ["Walmart:Sellers:walmart_ca:ClientId"] = "client-ca",
            ["Walmart:Sellers:walmart_ca:ClientSecret"] = "secret-ca",
            ["Walmart:RateLimits:Cancel:PermitsPerMinute"] = "1",
            ["Walmart:RateLimits:Cancel:Burst"] = "1",
            ["Walmart:RateLimits:MaxWait"] = LongerThanAStall,
        });
        CancelLineRequest[] lines = [new("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")];

        var us = await harness.Client.CancelLinesAsync("walmart_us", "PO-1", lines);
        us.Outcome.ShouldBe(WalmartOutcome.Success, us.Message);
        var canada = await harness.Client.CancelLinesAsync("walmart_ca", "PO-2", lines);
        canada.Outcome.ShouldBe(WalmartOutcome.Success, canada.Message);
        (await harness.Client.CancelLinesAsync("walmart_us", "PO-3", lines)).Outcome.ShouldBe(WalmartOutcome.Throttled);
    }

    [Fact]
    public async Task Store_views_that_share_one_walmart_account_share_its_buckets()
    {
        using var harness = new WalmartClientHarness(new Dictionary<string, string?>
        {
            ["Walmart:Sellers:walmart_us_fr:ClientId"] = WalmartClientHarness.ClientId,
            ["Walmart:Sellers:walmart_us_fr:ClientSecret"] = "secret-us",
            ["Walmart:RateLimits:Cancel:PermitsPerMinute"] = "1",
            ["Walmart:RateLimits:Cancel:Burst"] = "1",
            ["Walmart:RateLimits:MaxWait"] = LongerThanAStall,
        });
        CancelLineRequest[] lines = [new("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")];

        var english = await harness.Client.CancelLinesAsync("walmart_us", "PO-1", lines);
        var french = await harness.Client.CancelLinesAsync("walmart_us_fr", "PO-2", lines);

        english.Outcome.ShouldBe(WalmartOutcome.Success, english.Message);
        french.Outcome.ShouldBe(WalmartOutcome.Throttled);
    }
}
