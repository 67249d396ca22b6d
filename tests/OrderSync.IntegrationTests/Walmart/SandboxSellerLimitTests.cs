using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>Per-seller limits set through /admin/throttle/sellers, and Walmart's token headers on every throttled answer.</summary>
public sealed class SandboxSellerLimitTests
{
    private const string UsOrder = "108829735420277";
    private const string UnknownOrder = "999999999999999";

    private static readonly Call Get = new(HttpMethod.Get, $"/v3/orders/{UsOrder}");
    private static readonly Call Acknowledge = new(HttpMethod.Post, $"/v3/orders/{UsOrder}/acknowledge");
    private static readonly Call BadShipment = new(HttpMethod.Post, $"/v3/orders/{UsOrder}/shipping", "{}");
    private static readonly Call BadCancellation = new(HttpMethod.Post, $"/v3/orders/{UsOrder}/cancel", "{}");

    [Fact]
    public async Task Four_a_second_for_the_seller_refuses_the_fifth_immediate_call_whatever_the_endpoints()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);
        await WarmUpAsync(sandbox);
        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 4, scope = "seller" });

        var answers = new List<Answer>();
        foreach (var call in new[] { Get, Acknowledge, BadShipment, BadCancellation, Acknowledge })
        {
            answers.Add(await SendAsync(sandbox, token, call));
        }

        answers.Select(answer => answer.Status).ShouldBe([200, 200, 400, 400, 429]);
        answers.Select(answer => answer.Tokens).ShouldBe([3, 2, 1, 0, 0]);
        answers[4].Replenish.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddMilliseconds(250));
        answers[4].Body.ShouldContain("\"code\":\"REQUEST_THRESHOLD_VIOLATED\"");
    }

    [Fact]
    public async Task Endpoint_scope_gives_each_endpoint_its_own_bucket()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);
        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 2, scope = "endpoint" });

        var answers = new List<Answer>();
        foreach (var call in new[] { Get, Get, Get, Acknowledge, Acknowledge, Acknowledge, BadShipment, BadCancellation })
        {
            answers.Add(await SendAsync(sandbox, token, call));
        }

        answers.Select(answer => answer.Status).ShouldBe([200, 200, 429, 200, 200, 429, 400, 400]);
        answers.Select(answer => answer.Tokens).ShouldBe([1, 0, 0, 1, 0, 0, 1, 1]);
    }

    [Fact]
    public async Task Every_answer_through_the_bucket_carries_the_tokens_left_and_the_next_refill_and_other_sellers_are_free()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var us = await SandboxHttp.TokenAsync(sandbox.Admin);
        var ca = await SandboxHttp.TokenAsync(sandbox.Admin, SandboxFixture.CaStore);
        var caOrder = await sandbox.SeedOrderAsync(SandboxFixture.CaStore, "Acknowledged", ("SKU-1", 1));
        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.5, capacity = 5 });
        var before = DateTimeOffset.UtcNow;

        var answers = new List<Answer>
        {
            await SendAsync(sandbox, us, Get),
            await SendAsync(sandbox, us, Acknowledge),
            await SendAsync(sandbox, us, Get with { Path = $"/v3/orders/{UnknownOrder}" }),
            await SendAsync(sandbox, us, BadShipment),
            await SendAsync(sandbox, us, Get with { Fault = "503" }),
        };

        answers.Select(answer => answer.Status).ShouldBe([200, 200, 404, 400, 503]);
        answers.Select(answer => answer.Tokens).ShouldBe([4, 3, 2, 1, 0]);
        answers.Select(answer => answer.Replenish).Distinct().ShouldHaveSingleItem("one token comes back every 2 s")
            .ShouldNotBeNull().ShouldBeInRange(before.AddSeconds(2).AddMilliseconds(-1), DateTimeOffset.UtcNow.AddSeconds(2));
        for (var call = 0; call < 10; call++)
        {
            var free = await SendAsync(sandbox, ca, Get with { Path = $"/v3/orders/{caOrder}" });
            free.ShouldBe(new Answer(200, null, null, free.Body), "walmart_ca has no limit, so no bucket and no headers");
        }
    }

    [Fact]
    public async Task Raising_the_limit_mid_run_raises_the_rate_without_refilling_the_bucket()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);
        await WarmUpAsync(sandbox);
        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.5, capacity = 2 });
        (await SendAsync(sandbox, token, Get)).Status.ShouldBe(200);
        (await SendAsync(sandbox, token, Get)).Status.ShouldBe(200);
        (await SendAsync(sandbox, token, Get)).Status.ShouldBe(429);

        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 4, capacity = 8 });
        var raisedAt = DateTimeOffset.UtcNow;
        var raised = await SendAsync(sandbox, token, Get);
        await Task.Delay(600);
        var granted = 0;
        while (granted < 8 && (await SendAsync(sandbox, token, Get)).Status == 200)
        {
            granted++;
        }

        raised.Status.ShouldBe(429, "the raise hands out no fresh bucket");
        raised.Tokens.ShouldBe(0);
        raised.Replenish.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(raisedAt.AddMilliseconds(250), "the next token comes at the new rate");
        granted.ShouldBeInRange(2, 4, "0.6 s at 4 a second");
    }

    [Fact]
    public async Task Changing_a_limit_keeps_the_tokens_left_up_to_the_new_capacity_and_across_scopes()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);
        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 5 });
        (await SendAsync(sandbox, token, Get)).Tokens.ShouldBe(4);

        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 10 });
        (await SendAsync(sandbox, token, Get)).Tokens.ShouldBe(3, "a bigger bucket is not refilled");

        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 2 });
        (await SendAsync(sandbox, token, Get)).Tokens.ShouldBe(1, "a smaller bucket keeps no more than it holds");

        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 2, scope = "endpoint" });
        (await SendAsync(sandbox, token, Get)).Tokens.ShouldBe(0, "each endpoint starts from what the shared bucket held");
        (await SendAsync(sandbox, token, Acknowledge)).Tokens.ShouldBe(0);

        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 2, scope = "seller" });
        (await SendAsync(sandbox, token, BadCancellation)).Status.ShouldBe(429, "the shared bucket starts from the emptiest endpoint's");
    }

    [Fact]
    public async Task Delete_removes_a_limit_and_reset_clears_them_all()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);
        await SetLimitAsync(sandbox, "WALMART_US", new { callsPerSecond = 0.1, capacity = 1 });
        (await SendAsync(sandbox, token, Get)).Status.ShouldBe(200);
        (await SendAsync(sandbox, token, Get)).Status.ShouldBe(429);
        var listed = (await sandbox.Admin.GetFromJsonAsync<JsonNode>("/admin/throttle"))!;
        listed["enabled"]!.GetValue<bool>().ShouldBeFalse();
        listed["sellers"]!.AsArray().ShouldHaveSingleItem()!.ToJsonString()
            .ShouldBe("""{"seller":"walmart_us","callsPerSecond":0.1,"capacity":1,"scope":"seller"}""");

        using var deleted = await sandbox.Admin.DeleteAsync(new Uri("/admin/throttle/sellers/Walmart_Us", UriKind.Relative));
        using var deletedAgain = await sandbox.Admin.DeleteAsync(new Uri("/admin/throttle/sellers/walmart_us", UriKind.Relative));

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        deletedAgain.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(sandbox, token, Get)).ShouldSatisfyAllConditions(
            answer => answer.Status.ShouldBe(200),
            answer => answer.Tokens.ShouldBeNull("no bucket, no headers"));

        await SetLimitAsync(sandbox, SandboxFixture.CaStore, new { callsPerSecond = 1 });
        (await sandbox.Admin.PostAsync(new Uri("/admin/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await sandbox.Admin.GetFromJsonAsync<JsonNode>("/admin/throttle"))!["sellers"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_seller_limit_wins_over_the_configured_throttle_which_still_limits_other_sellers()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Throttle:Enabled"] = "true",
            ["Sandbox:Throttle:GetOrder:Capacity"] = "1",
            ["Sandbox:Throttle:GetOrder:RefillEvery"] = "00:01:00",
        });
        var us = await SandboxHttp.TokenAsync(sandbox.Admin);
        var ca = await SandboxHttp.TokenAsync(sandbox.Admin, SandboxFixture.CaStore);
        var caGet = Get with { Path = $"/v3/orders/{await sandbox.SeedOrderAsync(SandboxFixture.CaStore, "Acknowledged", ("SKU-1", 1))}" };
        await SetLimitAsync(sandbox, SandboxFixture.UsStore, new { callsPerSecond = 0.1, capacity = 3 });

        var usAnswers = new[] { await SendAsync(sandbox, us, Get), await SendAsync(sandbox, us, Get), await SendAsync(sandbox, us, Get) };
        var caAnswers = new[] { await SendAsync(sandbox, ca, caGet), await SendAsync(sandbox, ca, caGet) };

        usAnswers.Select(answer => (answer.Status, answer.Tokens)).ShouldBe([(200, 2), (200, 1), (200, 0)]);
        caAnswers.Select(answer => (answer.Status, answer.Tokens)).ShouldBe([(200, 0), (429, 0)]);
    }

    [Theory]
    [InlineData("{\"callsPerSecond\": 0.5}", 1)]
    [InlineData("{\"callsPerSecond\": 2.5}", 3)]
    [InlineData("{\"callsPerSecond\": 4}", 4)]
    public async Task Capacity_defaults_to_the_rate_rounded_up(string body, int capacity)
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());

        using var response = await PutAsync(sandbox, SandboxFixture.UsStore, body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var limit = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        limit["capacity"]!.GetValue<int>().ShouldBe(capacity);
        limit["scope"]!.GetValue<string>().ShouldBe("seller");
    }

    [Theory]
    [InlineData("walmart_us", "{\"callsPerSecond\": 0}", "callsPerSecond must be a positive number")]
    [InlineData("walmart_us", "{\"callsPerSecond\": -1}", "callsPerSecond must be a positive number")]
    [InlineData("walmart_us", "{\"capacity\": 4}", "callsPerSecond must be a positive number")]
    [InlineData("walmart_us", "{\"callsPerSecond\": 4, \"capacity\": 0}", "capacity must be at least 1")]
    [InlineData("walmart_us", "{\"callsPerSecond\": 4, \"capacity\": 2.5}", "not a seller limit")]
    [InlineData("walmart_us", "{\"callsPerSecond\": 4, \"scope\": \"global\"}", "scope 'global' is not seller")]
    [InlineData("walmart_us", "{\"callsPerSecond\": \"fast\"}", "not a seller limit")]
    [InlineData("walmart_us", "not json", "not a seller limit")]
    [InlineData("walmart_us", "", "not a seller limit")]
    [InlineData("sandbox-walmart-us", "{\"callsPerSecond\": 4}", "seller 'sandbox-walmart-us' is not one of Sandbox:Sellers")]
    public async Task A_bad_limit_is_refused_with_the_reason(string seller, string body, string reason)
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());

        using var response = await PutAsync(sandbox, seller, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
        (await sandbox.Admin.GetFromJsonAsync<JsonNode>("/admin/throttle"))!["sellers"]!.AsArray().ShouldBeEmpty();
    }

    /// <summary>The first call through each endpoint is slow; made as walmart_ca so that timed bursts fit in a refill period.</summary>
    private static async Task WarmUpAsync(SandboxFixture sandbox)
    {
        var token = await SandboxHttp.TokenAsync(sandbox.Admin, SandboxFixture.CaStore);
        foreach (var call in new[] { Get, Acknowledge, BadShipment, BadCancellation })
        {
            await SendAsync(sandbox, token, call);
        }

        await SetLimitAsync(sandbox, SandboxFixture.CaStore, new { callsPerSecond = 1000 });
        await SendAsync(sandbox, token, Get);
        (await sandbox.Admin.DeleteAsync(new Uri($"/admin/throttle/sellers/{SandboxFixture.CaStore}", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    private static async Task SetLimitAsync(SandboxFixture sandbox, string seller, object limit)
    {
        using var response = await sandbox.Admin.PutAsJsonAsync($"/admin/throttle/sellers/{seller}", limit);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PutAsync(SandboxFixture sandbox, string seller, string body) =>
        sandbox.Admin.PutAsync(new Uri($"/admin/throttle/sellers/{seller}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    private static async Task<Answer> SendAsync(SandboxFixture sandbox, string token, Call call)
    {
        using var response = await SandboxHttp.SendAsync(sandbox.Admin, call.Method, call.Path, token, call.Body, fault: call.Fault);
        return new Answer(
            (int)response.StatusCode,
            response.Headers.TryGetValues("x-current-token-count", out var count) ? int.Parse(count.Single(), CultureInfo.InvariantCulture) : null,
            response.Headers.TryGetValues("x-next-replenish-time", out var replenish)
                ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(replenish.Single(), CultureInfo.InvariantCulture))
                : null,
            await response.Content.ReadAsStringAsync());
    }

    private sealed record Call(HttpMethod Method, string Path, string? Body = null, string? Fault = null);

    private sealed record Answer(int Status, int? Tokens, DateTimeOffset? Replenish, string Body);
}
