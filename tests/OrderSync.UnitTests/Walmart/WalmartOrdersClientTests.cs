using System.Net;
using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartOrdersClientTests : IDisposable
{
    private const string Store = WalmartClientHarness.StoreCode;
    // No waiting in place for the budget: each test sees the answer Walmart gave.
    // Walmart's default 30 s request timeout: a short one would turn a slow moment of a busy machine into a timed-out call.
    private readonly WalmartClientHarness harness = new(new Dictionary<string, string?> { ["Walmart:RateLimits:MaxWait"] = "00:00:00" });

    [Fact]
    public async Task Every_orders_call_sends_the_token_a_new_correlation_id_and_the_service_name()
    {
        var first = await harness.Client.GetOrderAsync(Store, "PO-1");
        var second = await harness.Client.AcknowledgeAsync(Store, "PO-1");

        var requests = harness.Handler.OrderRequests;
        requests.Select(request => request.Path).ShouldBe(["/v3/orders/PO-1", "/v3/orders/PO-1/acknowledge"]);
        requests.ShouldAllBe(request => request.Header("WM_SEC.ACCESS_TOKEN") == "token-1"
            && request.Header("WM_SVC.NAME") == "Walmart Marketplace"
            && request.Header("Accept") == "application/json");
        requests[1].Header("Content-Type")!.ShouldStartWith("application/json");
        first.CorrelationId.ShouldBe(requests[0].Header("WM_QOS.CORRELATION_ID"));
        second.CorrelationId.ShouldBe(requests[1].Header("WM_QOS.CORRELATION_ID"));
        first.CorrelationId.ShouldNotBe(second.CorrelationId);
    }

    [Fact]
    public async Task The_order_is_read_into_lines_with_their_quantities()
    {
        var response = await harness.Client.GetOrderAsync(Store, "PO-1");

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        response.HttpStatus.ShouldBe(200);
        var order = response.Value.ShouldNotBeNull();
        order.PurchaseOrderId.ShouldBe("PO-1");
        order.CustomerOrderId.ShouldBe("C-1");
        order.MethodCode.ShouldBe("Standard");
        order.Lines.Count.ShouldBe(2);
        order.Lines[0].ShouldSatisfyAllConditions(
            line => line.Sku.ShouldBe("WM-MUG-BLU"),
            line => line.ShippedQuantity.ShouldBe(1),
            line => line.OpenQuantity.ShouldBe(0),
            line => line.TrackingNumber.ShouldBe("1Z-OLD"));
        order.Lines[1].ShouldSatisfyAllConditions(
            line => line.Quantity.ShouldBe(2),
            line => line.CancelledQuantity.ShouldBe(1),
            line => line.OpenQuantity.ShouldBe(1),
            line => line.TrackingNumber.ShouldBeNull());
    }

    [Fact]
    public async Task An_unknown_store_is_refused_without_any_call()
    {
        var response = await harness.Client.GetOrderAsync("walmart_mx", "PO-1");

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBeNull();
        response.Message.ShouldBe("No Walmart credentials are configured for store 'walmart_mx'.");
        harness.Handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unlisted_carrier_without_a_tracking_url_is_refused_before_any_call()
    {
        // Acme's own number: a UPS number would go as UPS, which needs no URL.
        var response = await harness.Client.ShipLinesAsync(Store, "PO-1", [WalmartClientHarness.ShipLine("1", "custom", "Acme Couriers", trackingNumber: "AC-55120934")]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBeNull();
        response.Errors.ShouldHaveSingleItem().Code.ShouldBe("TRACKING_URL_REQUIRED");
        response.Message.ShouldBe("Carrier 'Acme Couriers' is not one Walmart knows, so Walmart needs a tracking URL for it; add the track URL in Commerce.");
        harness.Handler.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(400, WalmartOutcome.Permanent)]
    [InlineData(403, WalmartOutcome.Permanent)]
    [InlineData(404, WalmartOutcome.Permanent)]
    [InlineData(405, WalmartOutcome.Permanent)]
    [InlineData(406, WalmartOutcome.Permanent)]
    [InlineData(413, WalmartOutcome.Permanent)]
    [InlineData(415, WalmartOutcome.Permanent)]
    [InlineData(423, WalmartOutcome.Transient)]
    [InlineData(500, WalmartOutcome.Transient)]
    [InlineData(502, WalmartOutcome.Transient)]
    [InlineData(503, WalmartOutcome.Transient)]
    [InlineData(504, WalmartOutcome.Transient)]
    [InlineData(429, WalmartOutcome.Throttled)]
    public async Task Answers_are_classified_by_status(int status, WalmartOutcome outcome)
    {
        harness.Handler.OnOrders = (_, _) => Task.FromResult(new HttpResponseMessage((HttpStatusCode)status));

        var response = await harness.Client.ShipLinesAsync(Store, "PO-1", [WalmartClientHarness.ShipLine()]);

        response.Outcome.ShouldBe(outcome);
        response.HttpStatus.ShouldBe(status);
        response.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_refusal_keeps_walmarts_errors_and_quotes_them_to_the_merchant()
    {
        harness.Handler.OnOrders = (_, _) => Task.FromResult(FakeWalmartHandler.Json(HttpStatusCode.BadRequest,
            """{"errors":{"error":[{"code":"INVALID_REQUEST_CONTENT.GMP_ORDER_API","field":"orderLineStatus","description":"Order line 1 is already shipped"}]}}"""));

        var response = await harness.Client.ShipLinesAsync(Store, "PO-1", [WalmartClientHarness.ShipLine()]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.Errors.ShouldBe([new WalmartError("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "orderLineStatus", "Order line 1 is already shipped")]);
        response.Message.ShouldBe("Walmart refused the shipment: Order line 1 is already shipped.");
    }

    [Theory]
    [InlineData("x-next-replenish-time")]
    [InlineData("X-Next-Replenishment-Time")]
    public async Task A_throttled_answer_tells_when_to_retry(string header)
    {
        var replenish = new DateTimeOffset(2026, 3, 14, 17, 0, 42, TimeSpan.Zero);
        harness.Handler.OnOrders = (_, _) => Task.FromResult(FakeWalmartHandler.Json((HttpStatusCode)429,
            """{"errors":{"error":[{"code":"REQUEST_THRESHOLD_VIOLATED"}]}}""",
            ("x-current-token-count", "0"), (header, replenish.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var response = await harness.Client.CancelLinesAsync(Store, "PO-1", [new CancelLineRequest("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")]);

        response.Outcome.ShouldBe(WalmartOutcome.Throttled);
        response.RetryAt.ShouldBe(replenish);
        response.Message.ShouldBe("Walmart is throttling calls for store 'walmart_us'; it accepts them again at 17:00:42 UTC.");
    }

    [Fact]
    public async Task A_throttled_answer_without_a_replenish_time_is_retried_after_one_refill_of_the_endpoints_bucket()
    {
        harness.Handler.OnOrders = (_, _) => Task.FromResult(FakeWalmartHandler.Json((HttpStatusCode)429, """{"errors":{"error":[{"code":"REQUEST_THRESHOLD_VIOLATED"}]}}"""));

        var response = await harness.Client.CancelLinesAsync(Store, "PO-1", [new CancelLineRequest("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")]);

        response.Outcome.ShouldBe(WalmartOutcome.Throttled);
        response.RetryAt.ShouldBe(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(1) / new WalmartRateLimitOptions().Cancel.PermitsPerMinute);
    }

    [Fact]
    public async Task A_throttled_call_is_sent_again_when_the_budget_allows_without_a_new_read()
    {
        using var waiting = new WalmartClientHarness(new Dictionary<string, string?> { ["Walmart:RateLimits:MaxWait"] = "00:00:05" });
        var answers = new Queue<HttpStatusCode>([(HttpStatusCode)429, HttpStatusCode.OK]);
        waiting.Handler.OnOrders = (_, _) =>
        {
            var answer = FakeWalmartHandler.Json(answers.Dequeue(), "{}",
                ("x-current-token-count", "0"), ("x-next-replenish-time", waiting.Time.GetUtcNow().AddSeconds(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // The clock runs on while the client waits for the replenish time.
            _ = Task.Run(async () =>
            {
                for (var tick = 0; tick < 50; tick++)
                {
                    await Task.Delay(10);
                    waiting.Time.Advance(TimeSpan.FromMilliseconds(100));
                }
            }, CancellationToken.None);
            return Task.FromResult(answer);
        };

        var response = await waiting.Client.CancelLinesAsync(Store, "PO-1", [new CancelLineRequest("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")]);

        response.Outcome.ShouldBe(WalmartOutcome.Success, response.Message);
        waiting.Handler.OrderRequests.Select(request => request.Path).ShouldBe(["/v3/orders/PO-1/cancel", "/v3/orders/PO-1/cancel"]);
    }

    [Fact]
    public async Task A_timeout_is_transient_and_does_not_throw()
    {
        using var impatient = new WalmartClientHarness(new Dictionary<string, string?> { ["Walmart:RequestTimeout"] = "00:00:00.300", ["Walmart:RateLimits:MaxWait"] = "00:00:00" });
        impatient.Handler.OnOrders = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return FakeWalmartHandler.Order();
        };

        var response = await impatient.Client.ShipLinesAsync(Store, "PO-1", [WalmartClientHarness.ShipLine()]);

        response.Outcome.ShouldBe(WalmartOutcome.Transient);
        response.HttpStatus.ShouldBeNull();
        response.Message.ShouldBe("Walmart did not answer within 300 ms.");
        response.Duration.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task A_connection_fault_is_transient()
    {
        harness.Handler.OnOrders = (_, _) => throw new HttpRequestException("Connection refused (walmart.test:443)");

        var response = await harness.Client.GetOrderAsync(Store, "PO-1");

        response.Outcome.ShouldBe(WalmartOutcome.Transient);
        response.Message.ShouldBe("Walmart could not be reached: Connection refused (walmart.test:443).");
    }

    [Fact]
    public async Task The_callers_own_cancellation_still_throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => harness.Client.GetOrderAsync(Store, "PO-1", cancellation.Token));
    }

    public void Dispose() => harness.Dispose();
}
