using System.Net;
using System.Text;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartTokenCacheTests : IDisposable
{
    private const string Store = WalmartClientHarness.StoreCode;
    private readonly WalmartClientHarness harness = new();

    [Fact]
    public async Task The_token_request_follows_walmarts_client_credentials_flow()
    {
        await harness.Client.GetOrderAsync(Store, "PO-1");

        var tokenRequest = harness.Handler.TokenRequests.ShouldHaveSingleItem();
        tokenRequest.Method.ShouldBe(HttpMethod.Post);
        tokenRequest.Header("Authorization").ShouldBe(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WalmartClientHarness.ClientId}:{WalmartClientHarness.ClientSecret}")));
        tokenRequest.Body.ShouldBe("grant_type=client_credentials");
        tokenRequest.Header("Content-Type").ShouldStartWith("application/x-www-form-urlencoded");
        tokenRequest.Header("Accept").ShouldBe("application/json");
        Guid.TryParse(tokenRequest.Header("WM_QOS.CORRELATION_ID"), out _).ShouldBeTrue();
        tokenRequest.Header("WM_SVC.NAME").ShouldBe("Walmart Marketplace");
    }

    [Fact]
    public async Task Concurrent_calls_of_one_seller_share_a_single_token_request()
    {
        var release = new TaskCompletionSource();
        harness.Handler.OnToken = async (_, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return harness.Handler.IssueToken();
        };

        var calls = Enumerable.Range(0, 20).Select(_ => harness.Client.GetOrderAsync(Store, "PO-1")).ToList();
        await Task.Delay(100);
        release.SetResult();
        var responses = await Task.WhenAll(calls);

        responses.ShouldAllBe(response => response.IsSuccess);
        harness.Handler.TokenRequests.Count.ShouldBe(1);
        harness.Handler.OrderRequests.ShouldAllBe(request => request.Header("WM_SEC.ACCESS_TOKEN") == "token-1");
    }

    [Fact]
    public async Task A_token_is_reused_until_a_minute_before_expiry_then_refreshed()
    {
        await harness.Client.GetOrderAsync(Store, "PO-1");
        harness.Time.Advance(TimeSpan.FromSeconds(839));
        await harness.Client.GetOrderAsync(Store, "PO-1");
        harness.Handler.TokenRequests.Count.ShouldBe(1);

        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await harness.Client.GetOrderAsync(Store, "PO-1");

        harness.Handler.TokenRequests.Count.ShouldBe(2);
        harness.Handler.OrderRequests.Select(request => request.Header("WM_SEC.ACCESS_TOKEN")).ShouldBe(["token-1", "token-1", "token-2"]);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_retries_with_a_new_correlation_id()
    {
        harness.Handler.OnOrders = (request, _) => Task.FromResult(request.Header("WM_SEC.ACCESS_TOKEN") == "token-1"
            ? FakeWalmartHandler.Json(HttpStatusCode.Unauthorized, """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API","description":"Unauthorized"}]}}""")
            : FakeWalmartHandler.Order());

        var response = await harness.Client.GetOrderAsync(Store, "PO-1");

        response.IsSuccess.ShouldBeTrue();
        harness.Handler.TokenRequests.Count.ShouldBe(2);
        var attempts = harness.Handler.OrderRequests;
        attempts.Count.ShouldBe(2);
        attempts[0].Header("WM_QOS.CORRELATION_ID").ShouldNotBe(attempts[1].Header("WM_QOS.CORRELATION_ID"));
        response.CorrelationId.ShouldBe(attempts[1].Header("WM_QOS.CORRELATION_ID"));
    }

    [Fact]
    public async Task A_second_401_after_the_refresh_is_permanent()
    {
        harness.Handler.OnOrders = (_, _) => Task.FromResult(FakeWalmartHandler.Json(HttpStatusCode.Unauthorized, """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API"}]}}"""));

        var response = await harness.Client.ShipLinesAsync(Store, "PO-1", [WalmartClientHarness.ShipLine()]);

        response.Outcome.ShouldBe(OrderSync.Walmart.WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe(401);
        response.Message.ShouldContain("Walmart:Sellers:walmart_us:ClientId");
        harness.Handler.TokenRequests.Count.ShouldBe(2);
        harness.Handler.OrderRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Refused_credentials_are_permanent_and_name_the_configuration_key()
    {
        harness.Handler.OnToken = (_, _) => Task.FromResult(FakeWalmartHandler.Json(HttpStatusCode.Unauthorized,
            """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API","description":"Invalid client id or client secret"}]}}"""));

        var response = await harness.Client.GetOrderAsync(Store, "PO-1");

        response.Outcome.ShouldBe(OrderSync.Walmart.WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe(401);
        response.Message.ShouldBe("Walmart refused the credentials of store 'walmart_us' (HTTP 401); check Walmart:Sellers:walmart_us:ClientId and ClientSecret.");
        harness.Handler.OrderRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_token_service_is_transient()
    {
        harness.Handler.OnToken = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var response = await harness.Client.GetOrderAsync(Store, "PO-1");

        response.Outcome.ShouldBe(OrderSync.Walmart.WalmartOutcome.Transient);
        response.HttpStatus.ShouldBe(503);
    }

    public void Dispose() => harness.Dispose();
}
