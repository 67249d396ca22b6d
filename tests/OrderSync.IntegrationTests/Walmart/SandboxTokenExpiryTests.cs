using OrderSync.Walmart;

namespace OrderSync.IntegrationTests.Walmart;

public sealed class SandboxTokenExpiryTests
{
    private const string Order = "108829735420014";

    [Fact]
    public async Task A_short_lived_token_is_replaced_before_walmart_would_refuse_it()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?> { ["Sandbox:TokenLifetime"] = "00:00:01" });
        var client = sandbox.CreateClient();
        (await client.GetOrderAsync(SandboxFixture.UsStore, Order)).IsSuccess.ShouldBeTrue();

        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        var response = await client.GetOrderAsync(SandboxFixture.UsStore, Order);

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        (await OperationsAndStatuses(sandbox)).ShouldBe([("token", 200), ("get", 200), ("token", 200), ("get", 200)]);
    }

    [Fact]
    public async Task A_token_walmart_no_longer_accepts_is_refreshed_and_the_call_retried()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var client = sandbox.CreateClient();
        (await client.GetOrderAsync(SandboxFixture.UsStore, Order)).IsSuccess.ShouldBeTrue();
        (await sandbox.Admin.DeleteAsync(new Uri("/admin/tokens", UriKind.Relative))).EnsureSuccessStatusCode();

        var response = await client.GetOrderAsync(SandboxFixture.UsStore, Order);

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        (await OperationsAndStatuses(sandbox)).ShouldBe([("token", 200), ("get", 200), ("get", 401), ("token", 200), ("get", 200)]);
    }

    private static async Task<List<(string, int)>> OperationsAndStatuses(SandboxFixture sandbox) =>
        (await sandbox.CallsAsync()).Select(call => (call!["operation"]!.GetValue<string>(), call["statusCode"]!.GetValue<int>())).ToList();
}
