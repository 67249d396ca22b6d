using System.Text.Json;
using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class RequestBodySchemaTests : IDisposable
{
    private readonly WalmartClientHarness harness = new();

    [Fact]
    public async Task A_shipment_body_matches_walmarts_ship_schema()
    {
        await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1"), WalmartClientHarness.ShipLine("2")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();

        using var json = JsonDocument.Parse(body);
        var line = json.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0];
        line.GetProperty("sellerOrderId").GetString().ShouldBe("000001187");
        var status = line.GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0];
        status.GetProperty("status").GetString().ShouldBe("Shipped");
        status.GetProperty("statusQuantity").GetProperty("amount").GetString().ShouldBe("1");
        var tracking = status.GetProperty("trackingInfo");
        tracking.GetProperty("shipDateTime").GetInt64().ShouldBe(new DateTimeOffset(2026, 3, 14, 17, 2, 10, TimeSpan.Zero).ToUnixTimeMilliseconds());
        tracking.GetProperty("carrierName").GetProperty("carrier").GetString().ShouldBe("UPS");
        tracking.GetProperty("methodCode").GetString().ShouldBe("Standard");
        json.RootElement.GetProperty("orderShipment").TryGetProperty("processMode", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_shipment_by_an_unlisted_carrier_with_a_url_matches_the_schema_as_other_carrier()
    {
        await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1", "custom", "Acme Couriers", "https://track.acme-couriers.example/AC-55120934", "AC-55120934")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();
        using var json = JsonDocument.Parse(body);
        var tracking = json.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0]
            .GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0].GetProperty("trackingInfo");
        tracking.GetProperty("carrierName").GetProperty("otherCarrier").GetString().ShouldBe("Acme Couriers");
        tracking.GetProperty("carrierName").TryGetProperty("carrier", out _).ShouldBeFalse();
        tracking.GetProperty("trackingURL").GetString().ShouldBe("https://track.acme-couriers.example/AC-55120934");
        tracking.GetProperty("trackingNumber").GetString().ShouldBe("AC-55120934");
    }

    [Fact]
    public async Task A_ups_number_typed_with_spaces_goes_normalised_and_matches_the_schema()
    {
        await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1", trackingNumber: " 1z 999 aa1 0123 456 784 ")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();
        var tracking = TrackingInfo(body);
        tracking.GetProperty("carrierName").GetProperty("carrier").GetString().ShouldBe("UPS");
        tracking.GetProperty("trackingNumber").GetString().ShouldBe("1Z999AA10123456784");
    }

    [Fact]
    public async Task A_fedex_number_under_a_custom_carrier_goes_as_fedex_without_a_url_and_matches_the_schema()
    {
        await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1", "custom", "Speedy", trackingNumber: "7712-3456-7890")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();
        var tracking = TrackingInfo(body);
        tracking.GetProperty("carrierName").GetProperty("carrier").GetString().ShouldBe("FedEx");
        tracking.GetProperty("carrierName").TryGetProperty("otherCarrier", out _).ShouldBeFalse();
        tracking.GetProperty("trackingNumber").GetString().ShouldBe("771234567890");
        tracking.TryGetProperty("trackingURL", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_shipment_whose_track_url_is_not_a_web_address_is_refused_before_any_call()
    {
        var response = await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1", trackingUrl: "www.ups.com/track")]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.Errors.ShouldHaveSingleItem().Code.ShouldBe("TRACKING_URL_INVALID");
        harness.Handler.OrderRequests.ShouldNotContain(request => request.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task A_tracking_update_body_matches_the_schema_with_partial_update_and_the_current_tracking_number()
    {
        await harness.Client.UpdateTrackingAsync(WalmartClientHarness.StoreCode, "PO-1", [WalmartClientHarness.ShipLine("1")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("orderShipment").GetProperty("processMode").GetString().ShouldBe("PARTIAL_UPDATE");
        json.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0]
            .GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0]
            .GetProperty("currentTrackingInfo").GetProperty("trackingNumber").GetString().ShouldBe("1Z-OLD");
    }

    [Fact]
    public async Task A_line_the_customer_asked_to_cancel_ships_with_the_override_on_that_line_only_and_matches_the_schema()
    {
        await harness.Client.ShipLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1") with { IntentToCancelOverride = true }, WalmartClientHarness.ShipLine("2")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();
        using var json = JsonDocument.Parse(body);
        var lines = json.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine");
        lines[0].GetProperty("intentToCancelOverride").GetBoolean().ShouldBeTrue();
        lines[1].TryGetProperty("intentToCancelOverride", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_tracking_update_of_a_line_the_customer_asked_to_cancel_carries_the_override_too()
    {
        await harness.Client.UpdateTrackingAsync(WalmartClientHarness.StoreCode, "PO-1",
            [WalmartClientHarness.ShipLine("1") with { IntentToCancelOverride = true }]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldBeEmpty();
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0]
            .GetProperty("intentToCancelOverride").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancellation_body_matches_walmarts_cancel_schema()
    {
        await harness.Client.CancelLinesAsync(WalmartClientHarness.StoreCode, "PO-1",
            [new CancelLineRequest("1", 1, "SELLER_CANCEL_OUT_OF_STOCK"), new CancelLineRequest("2", 2, "SELLER_CANCEL_OUT_OF_STOCK")]);

        var body = SentBody();
        WalmartOrdersSchema.Validate("OrderCancellationResponse", body).ShouldBeEmpty();
        using var json = JsonDocument.Parse(body);
        var status = json.RootElement.GetProperty("orderCancellation").GetProperty("orderLines").GetProperty("orderLine")[1]
            .GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0];
        status.GetProperty("status").GetString().ShouldBe("Cancelled");
        status.GetProperty("cancellationReason").GetString().ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
        status.GetProperty("statusQuantity").GetProperty("amount").GetString().ShouldBe("2");
    }

    [Fact]
    public void The_schema_check_catches_a_misspelt_property()
    {
        const string body = """{"orderCancellation":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"Cancelled","cancelationReason":"SELLER_CANCEL_OUT_OF_STOCK","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}}}""";

        WalmartOrdersSchema.Validate("OrderCancellationResponse", body).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_schema_check_holds_ship_lines_to_the_shipping_line_type()
    {
        const string body = """{"orderShipment":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},"trackingInfo":{"shipDateTime":1,"carrierName":{"carrier":"UPS"},"methodCode":"Standard","trackingNumber":"1Z"}}]}}]}}}""";

        WalmartOrdersSchema.Validate("OrderShipment", body).ShouldContain(error => error.Contains("sellerOrderId", StringComparison.Ordinal));
    }

    public void Dispose() => harness.Dispose();

    private static JsonElement TrackingInfo(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0]
            .GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0].GetProperty("trackingInfo").Clone();
    }

    private string SentBody() => harness.Handler.OrderRequests.Last(request => request.Method == HttpMethod.Post).Body!;
}
