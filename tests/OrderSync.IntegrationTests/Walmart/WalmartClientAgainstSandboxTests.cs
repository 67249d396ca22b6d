using System.Net;
using OrderSync.Walmart;

namespace OrderSync.IntegrationTests.Walmart;

public sealed class WalmartClientAgainstSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Store = SandboxFixture.UsStore;
    private const string OutOfStock = "SELLER_CANCEL_OUT_OF_STOCK";
    private readonly IWalmartOrdersClient client = sandbox.CreateClient();

    [Fact]
    public async Task The_sample_seed_holds_the_contract_example_orders()
    {
        var response = await client.GetOrderAsync(Store, "108829735420014");

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        var order = response.Value.ShouldNotBeNull();
        order.MethodCode.ShouldBe("Standard");
        order.Lines.Select(line => (line.LineNumber, line.Sku, line.Quantity)).ShouldBe(
            [("1", "WM-MUG-BLU", 1), ("2", "WM-MUG-BLU", 1), ("3", "WM-TEE-L", 1), ("4", "WM-CAP-RED", 1)]);
        order.Lines.ShouldAllBe(line => line.OpenQuantity == 1);
        (await client.GetOrderAsync(Store, "108829735420277")).Value!.Lines.ShouldHaveSingleItem().Sku.ShouldBe("WM-LAMP-GRN");
    }

    [Fact]
    public async Task Shipping_some_lines_ships_those_lines_only_and_is_recorded()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1), ("WM-MUG-BLU", 1), ("WM-TEE-L", 1), ("WM-CAP-RED", 1));

        var response = await client.ShipLinesAsync(Store, po, [Ship("1"), Ship("2"), Ship("3")]);

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        response.HttpStatus.ShouldBe(200);
        var lines = response.Value.ShouldNotBeNull().Lines;
        lines.Take(3).ShouldAllBe(line => line.ShippedQuantity == 1 && line.TrackingNumber == "1Z999AA10123456784");
        lines[3].OpenQuantity.ShouldBe(1);

        var call = (await sandbox.CallsAsync(po)).ShouldHaveSingleItem()!;
        call["operation"]!.GetValue<string>().ShouldBe("shipping");
        call["seller"]!.GetValue<string>().ShouldBe(Store);
        call["statusCode"]!.GetValue<int>().ShouldBe(200);
        call["correlationId"]!.GetValue<string>().ShouldBe(response.CorrelationId);
        call["requestBody"]!.GetValue<string>().ShouldContain("\"carrier\":\"UPS\"");
    }

    [Fact]
    public async Task Shipping_an_already_shipped_line_is_refused_permanently()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        (await client.ShipLinesAsync(Store, po, [Ship("1")])).IsSuccess.ShouldBeTrue();

        var response = await client.ShipLinesAsync(Store, po, [Ship("1")]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe(400);
        response.Errors.ShouldBe([new WalmartError("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "orderLineStatus", "Order line 1 is already shipped")]);
        response.Message.ShouldBe("Walmart refused the shipment: Order line 1 is already shipped.");
    }

    [Fact]
    public async Task An_unlisted_carrier_with_a_tracking_url_is_shipped_as_other_carrier()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));

        var response = await client.ShipLinesAsync(Store, po,
            [Ship("1") with { Tracking = new TrackingDetails("custom", "Acme Couriers", "AC-55120934", "https://track.acme-couriers.example/AC-55120934") }]);

        response.IsSuccess.ShouldBeTrue();
        var tracking = (await sandbox.AdminOrderAsync(po))["order"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!["trackingInfo"]!;
        tracking["carrierName"]!["otherCarrier"]!.GetValue<string>().ShouldBe("Acme Couriers");
        tracking["trackingURL"]!.GetValue<string>().ShouldBe("https://track.acme-couriers.example/AC-55120934");
    }

    [Fact]
    public async Task A_number_in_its_carriers_form_ships_normalised_and_a_custom_carriers_fedex_number_ships_as_fedex()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1), ("WM-TEE-L", 1));

        var response = await client.ShipLinesAsync(Store, po,
        [
            Ship("1") with { Tracking = new TrackingDetails("ups", null, "1z 999 aa1 0123 456 784", null) },
            Ship("2") with { Tracking = new TrackingDetails("custom", "Speedy", "7712-3456-7890", null) },
        ]);

        response.IsSuccess.ShouldBeTrue();
        var lines = (await sandbox.AdminOrderAsync(po))["order"]!["orderLines"]!["orderLine"]!.AsArray();
        var ups = lines[0]!["orderLineStatuses"]!["orderLineStatus"]![0]!["trackingInfo"]!;
        ups["carrierName"]!["carrier"]!.GetValue<string>().ShouldBe("UPS");
        ups["trackingNumber"]!.GetValue<string>().ShouldBe("1Z999AA10123456784");
        var fedEx = lines[1]!["orderLineStatuses"]!["orderLineStatus"]![0]!["trackingInfo"]!;
        fedEx["carrierName"]!["carrier"]!.GetValue<string>().ShouldBe("FedEx");
        fedEx["trackingNumber"]!.GetValue<string>().ShouldBe("771234567890");
    }

    [Fact]
    public async Task A_tracking_number_can_be_corrected_after_shipping()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1), ("WM-TEE-L", 1));
        (await client.ShipLinesAsync(Store, po, [Ship("1"), Ship("2")])).IsSuccess.ShouldBeTrue();

        var response = await client.UpdateTrackingAsync(Store, po,
            [Ship("1") with { Tracking = new TrackingDetails("usps", null, "9400111899223817261234", null) }]);

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        var lines = response.Value.ShouldNotBeNull().Lines;
        lines[0].TrackingNumber.ShouldBe("9400111899223817261234");
        lines[0].ShippedQuantity.ShouldBe(1);
        lines[1].TrackingNumber.ShouldBe("1Z999AA10123456784");
    }

    [Fact]
    public async Task Updating_the_tracking_of_an_unshipped_line_is_refused()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));

        var response = await client.UpdateTrackingAsync(Store, po, [Ship("1")]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.Errors.ShouldHaveSingleItem().Description.ShouldBe("Order line 1 is not shipped, so its tracking cannot be updated");
    }

    [Fact]
    public async Task Cancelling_open_lines_cancels_them_with_the_reason()
    {
        var po = await sandbox.SeedOrderAsync(("WM-LAMP-GRN", 1), ("WM-CAP-RED", 2));

        var response = await client.CancelLinesAsync(Store, po, [new CancelLineRequest("1", 1, OutOfStock), new CancelLineRequest("2", 1, OutOfStock)]);

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        var lines = response.Value.ShouldNotBeNull().Lines;
        lines[0].CancelledQuantity.ShouldBe(1);
        lines[1].CancelledQuantity.ShouldBe(1);
        lines[1].OpenQuantity.ShouldBe(1);
        (await sandbox.AdminOrderAsync(po))["order"]!["orderLines"]!["orderLine"]![0]!["orderLineStatuses"]!["orderLineStatus"]![0]!["cancellationReason"]!
            .GetValue<string>().ShouldBe(OutOfStock);
    }

    [Fact]
    public async Task Cancelling_a_shipped_line_is_refused_permanently()
    {
        var po = await sandbox.SeedOrderAsync(("WM-LAMP-GRN", 1));
        (await client.ShipLinesAsync(Store, po, [Ship("1")])).IsSuccess.ShouldBeTrue();

        var response = await client.CancelLinesAsync(Store, po, [new CancelLineRequest("1", 1, OutOfStock)]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe(400);
        response.Message.ShouldBe("Walmart refused the cancellation: Order line 1 is already shipped.");
    }

    [Fact]
    public async Task Acknowledging_a_new_order_acknowledges_every_line()
    {
        var po = await sandbox.SeedOrderAsync(Store, "Created", ("WM-MUG-BLU", 1), ("WM-TEE-L", 3));

        var response = await client.AcknowledgeAsync(Store, po);

        response.Outcome.ShouldBe(WalmartOutcome.Success);
        response.Value.ShouldNotBeNull().Lines.SelectMany(line => line.Statuses).ShouldAllBe(status => status.Status == "Acknowledged");
        response.Value.Lines[1].OpenQuantity.ShouldBe(3);
    }

    [Theory]
    [InlineData("9", 1, "Standard", "Order line 9 does not exist on purchase order")]
    [InlineData("1", 2, "Standard", "Quantity 2 of order line 1 is more than its open quantity 1")]
    [InlineData("1", 1, "Overnight", "methodCode 'Overnight' of order line 1 is not one of")]
    public async Task A_shipment_walmart_would_refuse_is_permanent_with_walmarts_reason(string lineNumber, int quantity, string methodCode, string reason)
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));

        var response = await client.ShipLinesAsync(Store, po, [Ship(lineNumber) with { Quantity = quantity, MethodCode = methodCode }]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe(400);
        response.Errors.ShouldHaveSingleItem().Description.ShouldStartWith(reason);
        (await client.GetOrderAsync(Store, po)).Value!.Lines[0].OpenQuantity.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_cancellation_reason_is_refused()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));

        var response = await client.CancelLinesAsync(Store, po, [new CancelLineRequest("1", 1, "CHANGED_MY_MIND")]);

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.Errors.ShouldHaveSingleItem().Field.ShouldBe("cancellationReason");
    }

    [Fact]
    public async Task An_unknown_purchase_order_is_not_found_permanently()
    {
        var response = await client.GetOrderAsync(Store, "999000999000999");

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe(404);
        response.Errors.ShouldHaveSingleItem().Code.ShouldBe("CONTENT_NOT_FOUND.GMP_ORDER_API");
    }

    [Fact]
    public async Task Another_sellers_order_is_not_found()
    {
        var po = await sandbox.SeedOrderAsync(SandboxFixture.CaStore, "Acknowledged", ("WM-MUG-BLU", 1));

        (await client.GetOrderAsync(Store, po)).HttpStatus.ShouldBe(404);
        (await client.GetOrderAsync(SandboxFixture.CaStore, po)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task A_server_error_is_transient_and_changes_nothing()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        await sandbox.AddFaultAsync(new { purchaseOrderId = po, operation = "shipping", fault = "503", times = 1 });

        var failed = await client.ShipLinesAsync(Store, po, [Ship("1")]);
        var retried = await client.ShipLinesAsync(Store, po, [Ship("1")]);

        failed.Outcome.ShouldBe(WalmartOutcome.Transient);
        failed.HttpStatus.ShouldBe(503);
        failed.Errors.ShouldBeEmpty();
        retried.IsSuccess.ShouldBeTrue("the fault was for one call only, and the failed call changed nothing");
    }

    [Fact]
    public async Task A_500_with_the_flat_error_shape_keeps_its_error()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        await sandbox.AddFaultAsync(new { purchaseOrderId = po, fault = "500" });

        var response = await client.GetOrderAsync(Store, po);

        response.Outcome.ShouldBe(WalmartOutcome.Transient);
        response.Errors.ShouldHaveSingleItem().Code.ShouldBe("SYSTEM_ERROR.GMP_GATEWAY_API");
    }

    [Fact]
    public async Task A_hanging_walmart_times_out_as_transient()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        await sandbox.AddFaultAsync(new { purchaseOrderId = po, fault = "hang" });
        var impatient = sandbox.CreateClient(new Dictionary<string, string?> { ["Walmart:RequestTimeout"] = "00:00:00.500" });

        var response = await impatient.GetOrderAsync(Store, po);

        response.Outcome.ShouldBe(WalmartOutcome.Transient);
        response.HttpStatus.ShouldBeNull();
        response.Message.ShouldBe("Walmart did not answer within 500 ms.");
    }

    [Theory]
    [InlineData("apply-then-503")]
    [InlineData("apply-then-hang")]
    public async Task A_shipment_applied_before_a_failed_answer_is_shipped_all_the_same(string fault)
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1), ("WM-TEE-L", 1));
        await sandbox.AddFaultAsync(new { purchaseOrderId = po, operation = "shipping", fault, times = 1 });

        // Only the hang needs a timeout, and one a busy machine's token request and order read still fit in.
        var timeout = fault == "apply-then-hang" ? "00:00:02" : "00:00:30";
        var impatient = sandbox.CreateClient(new Dictionary<string, string?> { ["Walmart:RequestTimeout"] = timeout });

        var response = await impatient.ShipLinesAsync(Store, po, [Ship("1")]);

        response.Outcome.ShouldBe(WalmartOutcome.Transient);
        var order = (await client.GetOrderAsync(Store, po)).Value.ShouldNotBeNull();
        order.Lines[0].ShippedQuantity.ShouldBe(1);
        order.Lines[1].OpenQuantity.ShouldBe(1);
    }

    [Fact]
    public async Task A_throttled_call_is_sent_again_at_walmarts_replenish_time_and_goes_through()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        await sandbox.AddFaultAsync(new { purchaseOrderId = po, fault = "429", times = 1 });

        var response = await client.AcknowledgeAsync(Store, po);

        response.Outcome.ShouldBe(WalmartOutcome.Success, response.Message);
        (await sandbox.CallsAsync(po)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_call_walmart_keeps_throttling_is_reported_with_the_time_to_retry()
    {
        var po = await sandbox.SeedOrderAsync(("WM-MUG-BLU", 1));
        await sandbox.AddFaultAsync(new { purchaseOrderId = po, fault = "429", times = 100 });
        var before = DateTimeOffset.UtcNow;

        var response = await client.AcknowledgeAsync(Store, po);

        response.Outcome.ShouldBe(WalmartOutcome.Throttled);
        response.HttpStatus.ShouldBe(429);
        response.Errors.ShouldHaveSingleItem().Code.ShouldBe("REQUEST_THRESHOLD_VIOLATED");
        response.RetryAt.ShouldNotBeNull().ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task An_unknown_store_code_never_reaches_the_sandbox()
    {
        var response = await client.GetOrderAsync("walmart_mx", "108829735420014");

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        (await sandbox.CallsAsync()).ShouldAllBe(call => call!["seller"] == null || call["seller"]!.GetValue<string>() != "walmart_mx");
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_permanently()
    {
        var stranger = sandbox.CreateClient(new Dictionary<string, string?> { ["Walmart:Sellers:walmart_us:ClientSecret"] = "not-the-secret" });

        var response = await stranger.GetOrderAsync(Store, "108829735420014");

        response.Outcome.ShouldBe(WalmartOutcome.Permanent);
        response.HttpStatus.ShouldBe((int)HttpStatusCode.Unauthorized);
        response.Errors.ShouldHaveSingleItem().Code.ShouldBe("UNAUTHORIZED.GMP_GATEWAY_API");
    }

    private static ShipLineRequest Ship(string lineNumber) =>
        new(lineNumber, 1, "000001187", new DateTimeOffset(2026, 3, 14, 17, 2, 10, TimeSpan.Zero),
            new TrackingDetails("ups", "United Parcel Service", "1Z999AA10123456784", null), "Standard");
}
