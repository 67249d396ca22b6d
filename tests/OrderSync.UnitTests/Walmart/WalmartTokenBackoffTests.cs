using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

/// <summary>A failed token request holds back the next one: readiness always, calls after a permanent refusal.</summary>
public sealed class WalmartTokenBackoffTests : IDisposable
{
    private const string Store = WalmartClientHarness.StoreCode;
    private readonly WalmartClientHarness harness = new();

    private WalmartSellerCheck Readiness => harness.Services.GetRequiredService<WalmartSellerCheck>();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 15)]
    [InlineData(6, 15)]
    [InlineData(1000, 15)]
    public void The_wait_doubles_from_a_minute_up_to_15_minutes(int failuresInARow, int minutes) =>
        TokenRetryBackoff.After(failuresInARow).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public async Task Readiness_asks_for_a_refused_sellers_token_once_per_wait_however_often_it_is_probed()
    {
        RefuseCredentials();

        var expectedRequests = 1;
        foreach (var minutes in new[] { 1, 2, 4, 8, 15, 15 })
        {
            for (var probe = 0; probe < 50; probe++)
            {
                (await Readiness.CheckAsync()).ShouldHaveSingleItem().Reason.ShouldBe("Walmart refused the credentials (HTTP 401)");
            }

            harness.Handler.TokenRequests.Count.ShouldBe(expectedRequests);
            harness.Time.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            await Readiness.CheckAsync();
            harness.Handler.TokenRequests.Count.ShouldBe(expectedRequests, $"a second before the {minutes}-minute wait ends");

            harness.Time.Advance(TimeSpan.FromSeconds(1));
            expectedRequests++;
        }
    }

    [Fact]
    public async Task An_issued_token_starts_the_wait_over()
    {
        RefuseCredentials();
        await Readiness.CheckAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Readiness.CheckAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        harness.Handler.OnToken = (_, _) => Task.FromResult(harness.Handler.IssueToken(expiresInSeconds: 120));
        (await Readiness.CheckAsync()).ShouldHaveSingleItem().HasToken.ShouldBeTrue();
        harness.Handler.TokenRequests.Count.ShouldBe(3);

        RefuseCredentials();
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await Readiness.CheckAsync();
        harness.Handler.TokenRequests.Count.ShouldBe(4, "the token is refreshed a minute before it expires");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Readiness.CheckAsync();

        harness.Handler.TokenRequests.Count.ShouldBe(5, "one minute after the first failure since the token, not four");
    }

    [Fact]
    public async Task Calls_after_refused_credentials_get_the_refusal_without_asking_walmart_until_the_wait_ends()
    {
        RefuseCredentials();

        var responses = new List<WalmartResponse<WalmartOrder>>();
        for (var call = 0; call < 10; call++)
        {
            responses.Add(await harness.Client.GetOrderAsync(Store, "PO-1"));
        }

        responses.ShouldAllBe(response => response.Outcome == WalmartOutcome.Permanent && response.HttpStatus == 401);
        responses.Select(response => response.Message).Distinct().ShouldHaveSingleItem()
            .ShouldBe("Walmart refused the credentials of store 'walmart_us' (HTTP 401); check Walmart:Sellers:walmart_us:ClientId and ClientSecret.");
        harness.Handler.TokenRequests.Count.ShouldBe(1);
        harness.Handler.OrderRequests.ShouldBeEmpty();

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Handler.OnToken = null;
        (await harness.Client.GetOrderAsync(Store, "PO-1")).IsSuccess.ShouldBeTrue();
        harness.Handler.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Calls_after_a_transient_token_failure_ask_again_while_readiness_waits()
    {
        harness.Handler.OnToken = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        (await harness.Client.GetOrderAsync(Store, "PO-1")).Outcome.ShouldBe(WalmartOutcome.Transient);
        (await harness.Client.GetOrderAsync(Store, "PO-1")).Outcome.ShouldBe(WalmartOutcome.Transient);
        harness.Handler.TokenRequests.Count.ShouldBe(2);

        (await Readiness.CheckAsync()).ShouldHaveSingleItem().Reason.ShouldBe("Walmart's token service failed (HTTP 503)");
        harness.Handler.TokenRequests.Count.ShouldBe(2);

        harness.Handler.OnToken = null;
        (await harness.Client.GetOrderAsync(Store, "PO-1")).IsSuccess.ShouldBeTrue();
        (await Readiness.CheckAsync()).ShouldHaveSingleItem().HasToken.ShouldBeTrue();
        harness.Handler.TokenRequests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Callers_waiting_for_a_failing_token_request_share_its_answer()
    {
        var release = new TaskCompletionSource();
        harness.Handler.OnToken = async (_, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        };

        var calls = Enumerable.Range(0, 20).Select(_ => harness.Client.GetOrderAsync(Store, "PO-1")).ToList();
        await Task.Delay(100);
        release.SetResult();
        var responses = await Task.WhenAll(calls);

        responses.ShouldAllBe(response => response.Outcome == WalmartOutcome.Transient && response.HttpStatus == 503);
        harness.Handler.TokenRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Readiness_reports_a_seller_whose_token_walmart_rejected_and_could_not_replace()
    {
        harness.Handler.OnOrders = (_, _) => Task.FromResult(FakeWalmartHandler.Json(HttpStatusCode.Unauthorized, """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API"}]}}"""));
        (await Readiness.CheckAsync()).ShouldHaveSingleItem().HasToken.ShouldBeTrue();
        RefuseCredentials();

        (await harness.Client.GetOrderAsync(Store, "PO-1")).HttpStatus.ShouldBe(401);

        (await Readiness.CheckAsync()).ShouldHaveSingleItem().Reason.ShouldBe("Walmart refused the credentials (HTTP 401)");
        harness.Handler.TokenRequests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Walmart refused the credentials (HTTP 400)")]
    [InlineData(HttpStatusCode.Unauthorized, "Walmart refused the credentials (HTTP 401)")]
    [InlineData(HttpStatusCode.Forbidden, "Walmart refused the credentials (HTTP 403)")]
    [InlineData(HttpStatusCode.NotFound, "Walmart refused the token request (HTTP 404)")]
    [InlineData(HttpStatusCode.TooManyRequests, "Walmart is throttling token requests (HTTP 429)")]
    [InlineData(HttpStatusCode.InternalServerError, "Walmart's token service failed (HTTP 500)")]
    [InlineData(HttpStatusCode.OK, "Walmart answered the token request without a token")]
    public async Task Readiness_names_the_kind_of_failure_never_walmarts_words(HttpStatusCode status, string reason)
    {
        harness.Handler.OnToken = (_, _) => Task.FromResult(FakeWalmartHandler.Json(status,
            """{"errors":{"error":[{"code":"SECRET.CODE","description":"client secret-us is not valid at host internal-7"}]}}"""));

        var seller = (await Readiness.CheckAsync()).ShouldHaveSingleItem();

        seller.Reason.ShouldBe(reason);
    }

    [Fact]
    public async Task Readiness_says_walmart_could_not_be_reached_without_the_exceptions_words()
    {
        harness.Handler.OnToken = (_, _) => throw new HttpRequestException("Connection refused (internal-7.example:443)");

        (await Readiness.CheckAsync()).ShouldHaveSingleItem().Reason.ShouldBe("Walmart could not be reached");
    }

    [Fact]
    public async Task Readiness_says_walmart_did_not_answer_in_time()
    {
        using var impatient = new WalmartClientHarness(new Dictionary<string, string?> { ["Walmart:RequestTimeout"] = "00:00:00.2" });
        impatient.Handler.OnToken = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        };

        var seller = (await impatient.Services.GetRequiredService<WalmartSellerCheck>().CheckAsync()).ShouldHaveSingleItem();

        seller.Reason.ShouldBe("Walmart did not answer the token request in time");
    }

    public void Dispose() => harness.Dispose();

    private void RefuseCredentials() =>
        harness.Handler.OnToken = (_, _) => Task.FromResult(FakeWalmartHandler.Json(HttpStatusCode.Unauthorized,
            """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API","description":"Invalid client id or client secret"}]}}"""));
}
