using System.Globalization;
using OrderSync.Walmart;

namespace OrderSync.IntegrationTests.Walmart;

public sealed class SandboxThrottlingTests
{
    [Fact]
    public async Task Calls_over_walmarts_limit_are_throttled_with_the_replenish_time()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Throttle:Enabled"] = "true",
            ["Sandbox:Throttle:Acknowledge:Capacity"] = "2",
            ["Sandbox:Throttle:Acknowledge:RefillEvery"] = "00:01:00",
        });
        var unrestrained = sandbox.CreateClient(new Dictionary<string, string?> { ["Walmart:RateLimits:Enabled"] = "false" });
        var before = DateTimeOffset.UtcNow;

        var answers = new List<WalmartResponse<WalmartOrder>>();
        for (var call = 0; call < 3; call++)
        {
            answers.Add(await unrestrained.AcknowledgeAsync(SandboxFixture.UsStore, "108829735420277"));
        }

        answers.Take(2).ShouldAllBe(answer => answer.IsSuccess);
        var throttled = answers[2];
        throttled.Outcome.ShouldBe(WalmartOutcome.Throttled);
        throttled.HttpStatus.ShouldBe(429);
        throttled.RetryAt.ShouldNotBeNull().ShouldBeInRange(before.AddSeconds(55), before.AddSeconds(65));
        (await unrestrained.AcknowledgeAsync(SandboxFixture.CaStore, "108829735420277")).HttpStatus.ShouldBe(404, "walmart_ca has its own bucket");
        (await unrestrained.GetOrderAsync(SandboxFixture.UsStore, "108829735420277")).IsSuccess.ShouldBeTrue("reads have their own bucket");
    }

    [Fact]
    public async Task A_429_carries_walmarts_token_count_and_replenish_headers()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Throttle:Enabled"] = "true",
            ["Sandbox:Throttle:GetOrder:Capacity"] = "1",
            ["Sandbox:Throttle:GetOrder:RefillEvery"] = "00:00:10",
        });
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);

        using var first = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Get, "/v3/orders/108829735420014", token);
        using var second = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Get, "/v3/orders/108829735420014", token);

        ((int)first.StatusCode).ShouldBe(200);
        ((int)second.StatusCode).ShouldBe(429);
        second.Headers.GetValues("x-current-token-count").Single().ShouldBe("0");
        var replenish = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(second.Headers.GetValues("x-next-replenish-time").Single(), CultureInfo.InvariantCulture));
        replenish.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(5));
        (await second.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"REQUEST_THRESHOLD_VIOLATED\"");
    }
}
