using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Walmart;

public sealed class SandboxProtocolTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string ShipBodyWithoutSellerOrderId = """
        {"orderShipment":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"Shipped",
          "statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
          "trackingInfo":{"shipDateTime":1773507730000,"carrierName":{"otherCarrier":"Acme Couriers"},"methodCode":"Standard","trackingNumber":"AC-1"}}]}}]}}}
        """;

    [Fact]
    public async Task Bad_credentials_get_a_401_with_walmarts_error_body()
    {
        using var response = await SandboxHttp.RequestTokenAsync(sandbox.Admin, "sandbox-walmart-us", "wrong");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var error = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["error"]![0]!;
        error["code"]!.GetValue<string>().ShouldBe("UNAUTHORIZED.GMP_GATEWAY_API");
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthorized()
    {
        using var response = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Get, "/v3/orders/108829735420014", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_call_without_a_correlation_id_is_a_bad_request()
    {
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);

        using var response = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Get, "/v3/orders/108829735420014", token, withCorrelationId: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("WM_QOS.CORRELATION_ID");
    }

    [Fact]
    public async Task A_ship_body_missing_the_seller_order_id_and_the_other_carriers_url_is_refused_on_both()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);

        using var response = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Post, $"/v3/orders/{po}/shipping", token, ShipBodyWithoutSellerOrderId);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["error"]!.AsArray();
        errors.Select(error => error!["field"]!.GetValue<string>()).ShouldBe(["sellerOrderId", "trackingURL"], ignoreOrder: true);
        errors.ShouldAllBe(error => error!["code"]!.GetValue<string>() == "INVALID_REQUEST_CONTENT.GMP_ORDER_API"
            && error["severity"]!.GetValue<string>() == "ERROR" && error["category"]!.GetValue<string>() == "DATA");
    }

    [Fact]
    public async Task The_fault_header_fails_one_request()
    {
        var token = await SandboxHttp.TokenAsync(sandbox.Admin);

        using var failed = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Get, "/v3/orders/108829735420014", token, fault: "503");
        using var slow = await SandboxHttp.SendAsync(sandbox.Admin, HttpMethod.Get, "/v3/orders/108829735420014", token, fault: "latency=150");

        failed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await failed.Content.ReadAsStringAsync()).ShouldBeEmpty();
        slow.StatusCode.ShouldBe(HttpStatusCode.OK);
        var recorded = (await sandbox.CallsAsync("108829735420014")).Select(call => call!["fault"]?.GetValue<string>()).ToList();
        recorded.ShouldContain("503");
        recorded.ShouldContain("latency=150");
    }

    [Fact]
    public async Task Shipping_can_be_made_to_require_an_acknowledged_order()
    {
        await using var strict = await SandboxFixture.StartAsync(new Dictionary<string, string?> { ["Sandbox:RequireAcknowledge"] = "true" });
        var client = strict.CreateClient();
        var po = await strict.SeedOrderAsync(SandboxFixture.UsStore, "Created", ("WM-MUG-BLU", 1));
        var line = new OrderSync.Walmart.ShipLineRequest("1", 1, "000001187", DateTimeOffset.UtcNow,
            new OrderSync.Walmart.TrackingDetails("ups", null, "1Z1", null), "Standard");

        var refused = await client.ShipLinesAsync(SandboxFixture.UsStore, po, [line]);
        (await client.AcknowledgeAsync(SandboxFixture.UsStore, po)).IsSuccess.ShouldBeTrue();
        var shipped = await client.ShipLinesAsync(SandboxFixture.UsStore, po, [line]);

        refused.Outcome.ShouldBe(OrderSync.Walmart.WalmartOutcome.Permanent);
        refused.Message.ShouldContain("must be acknowledged");
        shipped.IsSuccess.ShouldBeTrue();
    }
}
