using System.Text.Json;
using Npgsql;
using OrderSync.Domain.State;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.IntegrationTests.Saga;

namespace OrderSync.IntegrationTests.Reconciliation;

/// <summary>The reconciler against the real broker, database and sandbox, with a pass every two seconds.</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public async Task A_line_cancelled_on_walmart_is_reported_once_with_walmarts_reason_and_a_later_shipment_of_the_rest_plans_right()
    {
        await using var stack = await SyncStack.Start(ReconciliationStack.Settings());
        var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", "MUG", "TEE", "CAP");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], "1Z999AA10000000001"));
        (await stack.Results.WaitFor("walmart.order.shipment.synced", po)).Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");

        await stack.Sandbox.CancelOnWalmart(po, "2", "SELLER_CANCEL_SHIP_BY_DATE_PASSED");

        var changed = await stack.Results.WaitFor(ReconciliationStack.ChangedOnWalmart, po, TimeSpan.FromSeconds(60));
        changed.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        changed.Data.GetProperty("storeCode").GetString().ShouldBe("walmart_us");
        var line = changed.Data.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("lineNumber").GetString().ShouldBe("2");
        line.GetProperty("sku").GetString().ShouldBe("TEE");
        line.GetProperty("quantity").GetInt32().ShouldBe(1);
        line.GetProperty("walmartStatus").GetString().ShouldBe("Cancelled");
        line.GetProperty("change").GetString().ShouldBe("cancelled-on-walmart");
        line.GetProperty("cancellationReason").GetString().ShouldBe("SELLER_CANCEL_SHIP_BY_DATE_PASSED");

        // Two more passes read the order again and find nothing new.
        await ReconciliationStack.WaitForPasses(stack.Environment.Postgres, 2);
        stack.ChangesOf(po).Count.ShouldBe(1);

        // Commerce ships the rest: the cancelled line is left alone and the order is whole.
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s2", [("CAP", 1)], "1Z999AA10000000002"));
        var shipped = await stack.Results.WaitFor(r => r.Subject == po && r.Type == "walmart.order.shipment.synced" && r.Data.GetProperty("shipmentId").GetString() == "s2");
        shipped.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        shipped.Data.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().GetProperty("lineNumber").GetString().ShouldBe("3");
        var lines = await stack.Sandbox.LineStatuses(po);
        lines["2"].ShouldBe(["Cancelled"]);
        lines["3"].ShouldBe(["Shipped"]);
        stack.Results.Results.ShouldNotContain(r => r.Type == "walmart.order.sync.failed");
    }

    [Fact]
    public async Task A_line_shipped_in_seller_center_is_reported_with_its_tracking_and_so_is_a_tracking_change_there()
    {
        await using var stack = await SyncStack.Start(ReconciliationStack.Settings());
        var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", "MUG", "TEE");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], "1Z999AA10000000001"));
        await stack.Results.WaitFor("walmart.order.shipment.synced", po);

        await stack.Sandbox.ShipInSellerCenter(po, "2", "FedEx", "774899172137");

        var shipped = await stack.Results.WaitFor(ReconciliationStack.ChangedOnWalmart, po, TimeSpan.FromSeconds(60));
        shipped.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        var line = shipped.Data.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("lineNumber").GetString(), line.GetProperty("change").GetString(), line.GetProperty("walmartStatus").GetString()).ShouldBe(("2", "shipped-on-walmart", "Shipped"));
        line.GetProperty("carrier").GetString().ShouldBe("FedEx");
        line.GetProperty("trackingNumber").GetString().ShouldBe("774899172137");
        line.TryGetProperty("cancellationReason", out _).ShouldBeFalse();

        await stack.Sandbox.ChangeTrackingInSellerCenter(po, "1", "USPS", "9400111899223197428490");

        var retracked = await stack.Results.WaitFor(
            r => r.Subject == po && r.Type == ReconciliationStack.ChangedOnWalmart && r.Id != shipped.Id, TimeSpan.FromSeconds(60));
        var change = retracked.Data.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (change.GetProperty("lineNumber").GetString(), change.GetProperty("change").GetString()).ShouldBe(("1", "tracking-changed-on-walmart"));
        change.GetProperty("carrier").GetString().ShouldBe("USPS");
        change.GetProperty("trackingNumber").GetString().ShouldBe("9400111899223197428490");
        var state = await StoredSaga.Load(stack.Environment.Postgres, po);
        state!.Shipments.Single().SentTrackingNumber.ShouldBe("9400111899223197428490", "a later Commerce track is compared with what Walmart holds");
    }

    [Fact]
    public async Task Two_worker_instances_report_each_change_once()
    {
        await using var stack = await SyncStack.Start(ReconciliationStack.Settings());
        NpgsqlConnection.ClearAllPools();
        await using var second = await WorkerUnderTest.Start(stack.Environment, stack.Sandbox.BaseUrl, ReconciliationStack.Settings());
        var orders = new List<string>();
        for (var index = 0; index < 4; index++)
        {
            var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", "MUG", "TEE");
            await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], $"1Z999AA1000000000{index}"));
            orders.Add(po);
        }

        foreach (var po in orders)
        {
            await stack.Results.WaitFor("walmart.order.shipment.synced", po);
            await stack.Sandbox.CancelOnWalmart(po, "2", "CUSTOMER_REQUESTED_SELLER_TO_CANCEL");
        }

        foreach (var po in orders)
        {
            await stack.Results.WaitFor(ReconciliationStack.ChangedOnWalmart, po, TimeSpan.FromSeconds(60));
        }

        await ReconciliationStack.WaitForPasses(stack.Environment.Postgres, 3);
        foreach (var po in orders)
        {
            stack.ChangesOf(po).Count.ShouldBe(1, $"order {po}: its cancellation on Walmart reported once");
        }
    }

    [Fact]
    public async Task An_operation_whose_command_the_broker_lost_is_sent_again_and_the_order_syncs()
    {
        // One quick retry, then an hour's wait in a wait queue: the test deletes the command from there.
        await using var stack = await SyncStack.Start(ReconciliationStack.Settings(
            ("Worker:RetryIntervals:0", "00:00:00.100"),
            ("Worker:RedeliveryDelays:0", "01:00:00"),
            ("Reconciliation:StuckOperationAfter", "00:00:10")));
        var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", "MUG");
        await stack.Sandbox.AddFault(new { purchaseOrderId = po, operation = "get", fault = "503", times = 2 });

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], "1Z999AA10000000001"));
        await Eventually.True(async () => await stack.Broker.Depth("walmart-sync.wait-1h") == 1, "the operation to wait an hour in its wait queue");
        (await stack.Broker.Take("walmart-sync.wait-1h")).ShouldHaveSingleItem();
        var deletedAt = DateTimeOffset.UtcNow;
        (await StoredSaga.Load(stack.Environment.Postgres, po))!.InFlight.ShouldNotBeNull("the order still counts its operation in flight");

        var synced = await stack.Results.WaitFor("walmart.order.shipment.synced", po, TimeSpan.FromSeconds(90));

        synced.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        var calls = await stack.Sandbox.Calls(po);
        calls.Where(c => c.GetProperty("operation").GetString() == "shipping").ShouldHaveSingleItem()
            .GetProperty("time").GetDateTimeOffset().ShouldBeGreaterThan(deletedAt, "shipped by the copy sent again, after the command was deleted");
        var state = await StoredSaga.Load(stack.Environment.Postgres, po);
        state!.Operations.ShouldHaveSingleItem().Status.ShouldBe(OperationStatus.Succeeded);
    }

    [Fact]
    public async Task A_shipment_waiting_for_its_track_longer_than_the_age_shows_as_stuck()
    {
        await using var stack = await SyncStack.Start(ReconciliationStack.Settings(
            ("Reconciliation:TrackWaitWarning", "00:00:01"),
            ("Reconciliation:TrackWaitError", "3650.00:00:00")));
        var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", "MUG");

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: null));

        var state = await StoredSaga.WaitFor(stack.Environment.Postgres, po, s => s.Shipments.Any(sh => sh.TrackOverdueSince is not null), $"order {po}'s shipment to be reported stuck");
        state.Shipments.Single().Status.ShouldBe(ShipmentStatus.WaitingForTrack);
        state.OrderStatus.ShouldNotBe("Error", "the second age is far off");

        var shown = await OrderShow(stack, po);
        shown.GetProperty("lastReconciledAt").ValueKind.ShouldBe(JsonValueKind.String, "a pass has looked at the order");
        shown.GetProperty("shipments")[0].GetProperty("trackOverdueSince").ValueKind.ShouldBe(JsonValueKind.String);
        var text = await Cli.OperatorCli.Run(CliVariables(stack), "orders", "show", po);
        text.StandardOutput.ShouldContain($"Stuck: shipment {state.Shipments.Single().IncrementId} has waited too long for its track");

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(stack.Worker!.HttpAddress, "/metrics"));
        metrics.ShouldContain("ordersync_reconciliation_track_overdue");
        metrics.ShouldContain("ordersync_reconciliation_shipments_waiting_too_long");
    }

    private static async Task<JsonElement> OrderShow(SyncStack stack, string po) =>
        (await Cli.OperatorCli.Run(CliVariables(stack), "orders", "show", po, "--json")).ShouldSucceed().Json();

    private static Dictionary<string, string> CliVariables(SyncStack stack) => new()
    {
        ["ConnectionStrings__RabbitMq"] = stack.Environment.RabbitMq.ToString(),
        ["ConnectionStrings__Postgres"] = stack.Environment.Postgres,
    };
}
