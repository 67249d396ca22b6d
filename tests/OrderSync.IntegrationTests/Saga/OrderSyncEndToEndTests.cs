using Npgsql;
using OrderSync.Domain.State;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Worker.Inbound;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// The order sync with every real part: Commerce's CloudEvents on RabbitMQ, the worker with its PostgreSQL saga, the sandbox over HTTP,
/// the results read back from the results exchange. Each test has its own vhost, database, sandbox and worker.
/// </summary>
public sealed class OrderSyncEndToEndTests
{
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Worker:RetryIntervals:0"] = "00:00:00.100",
        ["Worker:RedeliveryDelays:0"] = "00:00:00.500",
    };

    [Fact]
    public async Task A_full_shipment_ships_every_line_with_its_track_records_every_call_and_reports_shipped()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG", "TEE");
        var shipment = CommerceEvents.Shipment(po, "412", [("MUG", 2), ("TEE", 1)], trackNumber: "1Z999AA10000000412");

        await stack.Commerce.Publish(shipment);

        var result = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        result.Data.GetProperty("shipmentId").GetString().ShouldBe("412");
        result.Data.GetProperty("causationId").GetString().ShouldBe(shipment["id"]!.GetValue<string>());
        result.Data.GetProperty("lines").GetArrayLength().ShouldBe(3);
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.ShouldAllBe(l => l.Shipped == 1 && l.TrackingNumbers.Single() == "1Z999AA10000000412");
        (await SandboxLedger.UnitsShippedByCalls(stack.Sandbox, po)).ShouldBe(new Dictionary<string, int> { ["1"] = 1, ["2"] = 1, ["3"] = 1 });

        // Every Walmart call of the order is in the call history, in the order the sandbox received them.
        var received = (await stack.Sandbox.Calls(po)).Select(c => (c.GetProperty("operation").GetString(), (int?)c.GetProperty("statusCode").GetInt32())).ToList();
        var recorded = await StoredSaga.RecordedCalls(stack.Environment.Postgres, po);
        received.ShouldBe([("get", 200), ("shipping", 200)]);
        recorded.ShouldBe([("get-order", 200), ("ship", 200)]);
    }

    [Fact]
    public async Task An_event_whose_earlier_event_never_reaches_the_saga_is_held_then_applied_when_its_wait_is_over()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["Worker:ArrivalOrderWait"] = "00:00:05" });
        var po = await stack.Sandbox.SeedOrder("MUG");

        // An event the intake numbered that then never reached the saga (dead-lettered, purged): the next one comes early.
        await using (var connection = new NpgsqlConnection(stack.Environment.Postgres))
        {
            await connection.OpenAsync();
            await using var lost = new NpgsqlCommand("insert into order_event_arrival (order_id, event_id, sequence) values ($1, 'lost', 1)", connection);
            lost.Parameters.AddWithValue(OrderCorrelation.For("walmart_us", po));
            await lost.ExecuteNonQueryAsync();
        }

        var shipment = CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1");
        await stack.Commerce.Publish(shipment);

        var held = await StoredSaga.WaitFor(stack.Environment.Postgres, po, state => state.HeldEvents.Count == 1, "the shipment to be held");
        held.HeldEvents.Single().Sequence.ShouldBe(2);
        held.Shipments.ShouldBeEmpty();
        (await stack.Results.WaitFor(ContractNames.ShipmentSynced, po)).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        var applied = await StoredSaga.Load(stack.Environment.Postgres, po);
        (applied!.LastArrivalSequence, applied.HeldEvents.Count).ShouldBe((2, 0));
        (await SandboxLedger.Lines(stack.Sandbox, po)).Single().TrackingNumbers.ShouldBe(["1Z1"]);
    }

    [Fact]
    public async Task Two_partial_shipments_report_partially_shipped_then_shipped()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG", "TEE");

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1"));
        var first = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s2", [("MUG", 1), ("TEE", 1)], trackNumber: "1Z2"));
        var second = await stack.Results.WaitFor(r => r.Type == ContractNames.ShipmentSynced && r.Data.GetProperty("shipmentId").GetString() == "s2");

        first.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        second.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.Select(l => (l.LineNumber, l.Shipped, l.TrackingNumbers.Single())).ShouldBe([("1", 1, "1Z1"), ("2", 1, "1Z2"), ("3", 1, "1Z2")]);
        (await SandboxLedger.ShipInstructions(stack.Sandbox, po)).Count(i => i.Applied).ShouldBe(3);
    }

    [Fact]
    public async Task A_shipment_then_its_track_ships_when_the_track_arrives()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "TEE");

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1), ("TEE", 1)], trackNumber: null));
        await StoredSaga.WaitFor(stack.Environment.Postgres, po, s => s.Shipments.Any(x => x.Status == ShipmentStatus.WaitingForTrack), "the shipment to wait for its track");
        (await SandboxLedger.ShipInstructions(stack.Sandbox, po)).ShouldBeEmpty();
        stack.Results.Results.ShouldBeEmpty();
        var track = CommerceEvents.Track(po, "s1", "1Z999AA10000000501");
        await stack.Commerce.Publish(track);

        var result = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        result.Data.GetProperty("causationId").GetString().ShouldBe(track["id"]!.GetValue<string>());
        (await SandboxLedger.Lines(stack.Sandbox, po)).ShouldAllBe(l => l.Shipped == 1 && l.TrackingNumbers.Single() == "1Z999AA10000000501");
    }

    [Fact]
    public async Task A_track_before_its_shipment_is_kept_and_shipped_with_the_shipment()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "TEE");

        await stack.Commerce.Publish(CommerceEvents.Track(po, "s1", "1Z999AA10000000777"));
        await StoredSaga.WaitFor(stack.Environment.Postgres, po, s => s.PendingTracks.Count == 1, "the saga to keep the track");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("TEE", 1)], trackNumber: null));

        var result = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.Select(l => (l.Sku, l.Shipped, l.TrackingNumbers.SingleOrDefault())).ShouldBe([("MUG", 0, null), ("TEE", 1, "1Z999AA10000000777")]);
    }

    [Fact]
    public async Task A_cancelled_order_is_cancelled_on_walmart_line_by_line_with_the_mapped_reason()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("LAMP", "MUG");

        await stack.Commerce.Publish(CommerceEvents.Cancellation(po, "price_or_listing_error"));

        var result = await stack.Results.WaitFor(ContractNames.CancellationSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Canceled");
        result.Data.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("lineNumber").GetString(), l.GetProperty("reason").GetString()))
            .ShouldBe([("1", "SELLER_CANCEL_PRICING_ERROR"), ("2", "SELLER_CANCEL_PRICING_ERROR")]);
        (await SandboxLedger.Lines(stack.Sandbox, po)).ShouldAllBe(l => l.Cancelled == 1 && l.CancellationReasons.Single() == "SELLER_CANCEL_PRICING_ERROR");
    }

    [Fact]
    public async Task A_cancellation_after_a_partial_shipment_cancels_the_rest_and_the_shipped_line_stays_shipped()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG", "TEE");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1"));
        await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);

        await stack.Commerce.Publish(CommerceEvents.Cancellation(po, "out_of_stock"));

        var result = await stack.Results.WaitFor(ContractNames.CancellationSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Canceled");
        result.Data.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("lineNumber").GetString()).ShouldBe(["2", "3"]);
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.Select(l => (l.Shipped, l.Cancelled)).ShouldBe([(1, 0), (0, 1), (0, 1)]);
    }

    [Fact]
    public async Task A_cancellation_that_overtakes_an_earlier_shipment_cancels_only_what_commerce_did_not_ship()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG", "TEE");
        var shipment = CommerceEvents.Shipment(po, "s1", [("MUG", 2)], trackNumber: "1Z1");

        // Commerce shipped both MUGs, then cancelled the rest; the cancellation reaches the worker first.
        await stack.Commerce.Publish(CommerceEvents.Cancellation(po, "out_of_stock", shipped: [("MUG", 2)]));
        var cancelled = await stack.Results.WaitFor(ContractNames.CancellationSynced, po);
        await stack.Commerce.Publish(shipment);
        var shipped = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);

        cancelled.Data.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()).ShouldBe(["TEE"]);
        shipped.Data.GetProperty("orderStatus").GetString().ShouldBe("Canceled");
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.Select(l => (l.Shipped, l.Cancelled)).ShouldBe([(1, 0), (1, 0), (0, 1)]);
    }

    [Fact]
    public async Task One_event_delivered_five_times_makes_one_ship_call()
    {
        await using var stack = await SyncStack.Start();
        var traffic = WorkerTraffic.Attach(stack.Worker!);
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG");
        var shipment = CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1");
        var eventId = shipment["id"]!.GetValue<string>();

        for (var copy = 0; copy < 5; copy++)
        {
            await stack.Commerce.Publish(shipment);
        }

        await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        await Eventually.True(
            () => traffic.CopiesFinished(eventId) == 5 && traffic.OperationsOutstanding(po) == 0,
            "the saga to finish with all five copies, and the operation consumer with every command they sent");
        (await stack.Sandbox.Calls(po)).Count(c => c.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
        (await SandboxLedger.Lines(stack.Sandbox, po)).Sum(l => l.Shipped).ShouldBe(1);
        stack.Results.Results.Where(r => r.Subject == po).DistinctBy(r => r.Id).Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_seller_with_wrong_credentials_fails_its_own_orders_and_does_not_hold_up_another_seller()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["Walmart:Sellers:walmart_ca:ClientSecret"] = "not-the-secret" });
        var canadian = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_ca", "MUG");
        var american = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(CommerceEvents.Shipment(canadian, "s1", [("MUG", 1)], trackNumber: "1Z-CA", store: "walmart_ca"));
        await stack.Commerce.Publish(CommerceEvents.Shipment(american, "s1", [("MUG", 1)], trackNumber: "1Z-US"));

        var shipped = await stack.Results.WaitFor(ContractNames.ShipmentSynced, american, TimeSpan.FromSeconds(15));
        shipped.Data.GetProperty("storeCode").GetString().ShouldBe("walmart_us");
        var failed = await stack.Results.WaitFor(ContractNames.SyncFailed, canadian, TimeSpan.FromSeconds(15));
        failed.Data.GetProperty("storeCode").GetString().ShouldBe("walmart_ca");
        failed.Data.GetProperty("errorSource").GetString().ShouldBe("walmart");
        (await SandboxLedger.Lines(stack.Sandbox, canadian)).ShouldHaveSingleItem().Shipped.ShouldBe(0);
        (await SandboxLedger.Lines(stack.Sandbox, american)).ShouldHaveSingleItem().Shipped.ShouldBe(1);
    }

    [Fact]
    public async Task A_ship_that_walmart_applied_before_failing_is_found_applied_and_never_sent_again()
    {
        await using var stack = await SyncStack.Start(QuickRetries);
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG", "TEE");
        await stack.Sandbox.AddFault(new { purchaseOrderId = po, operation = "shipping", fault = "apply-then-503", times = 1 });

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1), ("TEE", 1)], trackNumber: "1Z1"));

        var result = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        var calls = await stack.Sandbox.Calls(po);
        calls.Count(c => c.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
        calls.Count(c => c.GetProperty("operation").GetString() == "get").ShouldBe(2, "the retry reads the order before it would ship again");
        (await SandboxLedger.Lines(stack.Sandbox, po)).Select(l => l.Shipped).ShouldBe([1, 0, 1]);
        stack.Results.Results.ShouldNotContain(r => r.Type == ContractNames.SyncFailed);
    }

    [Fact]
    public async Task A_shipment_retried_with_a_new_track_after_walmart_applied_it_ends_with_the_new_track_on_walmart()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?>(QuickRetries)
        {
            ["Walmart:RequestTimeout"] = "00:00:01",
            ["Worker:RedeliveryHorizon"] = "00:00:03",
        });
        var traffic = WorkerTraffic.Attach(stack.Worker!);
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG");
        await stack.Sandbox.AddFault(new { purchaseOrderId = po, operation = "shipping", fault = "apply-then-hang", times = 1 });

        // Walmart applies the ship, its answer never comes, and Walmart stays unreachable until the operation gives up.
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z-OLD"));
        await Eventually.True(async () => (await SandboxLedger.Lines(stack.Sandbox, po)).Sum(l => l.Shipped) == 1, "Walmart to apply the ship");
        await stack.Sandbox.AddFault(new { purchaseOrderId = po, operation = "get", fault = "503" });
        (await stack.Results.WaitFor(ContractNames.SyncFailed, po)).Data.GetProperty("errorSource").GetString().ShouldBe("integration");
        await Eventually.True(() => traffic.OperationsOutstanding(po) == 0, "the operation consumer to be done with every copy of the failed operation");
        await stack.Sandbox.ClearFaults();

        // The merchant corrects the track: the shipment goes again, under its own operation, which finds it already shipped.
        await stack.Commerce.Publish(CommerceEvents.Track(po, "s1", "1Z-NEW"));

        await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        (await SandboxLedger.UnitsShippedByCalls(stack.Sandbox, po)).Values.Sum().ShouldBe(1);
        await Eventually.True(
            async () => (await SandboxLedger.Lines(stack.Sandbox, po)).SelectMany(l => l.TrackingNumbers).SequenceEqual(["1Z-NEW"]),
            "Walmart to show the new tracking number",
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancel_that_timed_out_after_walmart_applied_it_is_found_applied_and_never_sent_again()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?>(QuickRetries) { ["Walmart:RequestTimeout"] = "00:00:01" });
        var po = await stack.Sandbox.SeedOrder("MUG", "TEE");
        await stack.Sandbox.AddFault(new { purchaseOrderId = po, operation = "cancel", fault = "apply-then-hang", times = 1 });
        await stack.Commerce.Publish(CommerceEvents.Cancellation(po, "out_of_stock"));

        var result = await stack.Results.WaitFor(ContractNames.CancellationSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Canceled");
        (await stack.Sandbox.Calls(po)).Count(c => c.GetProperty("operation").GetString() == "cancel").ShouldBe(1);
        (await SandboxLedger.Lines(stack.Sandbox, po)).ShouldAllBe(l => l.Cancelled == 1);
    }

    [Fact]
    public async Task A_shipment_after_a_failed_one_of_the_same_sku_takes_another_line_and_the_failed_one_ships_its_own_once_its_track_is_fixed()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG");

        // Shipment 1 settles on line 1, then fails twice for good: a carrier Walmart does not know, without a track URL.
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "1", [("MUG", 1)], trackNumber: null));
        await stack.Commerce.Publish(CommerceEvents.Track(po, "1", "PIGEON-1", carrierCode: "pigeonpost"));
        var firstFailure = await stack.Results.WaitFor(ContractNames.SyncFailed, po);
        await stack.Commerce.Publish(CommerceEvents.Track(po, "1", "PIGEON-2", carrierCode: "pigeonpost"));
        var secondFailure = await stack.Results.WaitFor(r => r.Type == ContractNames.SyncFailed && r.Subject == po && r.Id != firstFailure.Id, TimeSpan.FromSeconds(30));
        secondFailure.Data.GetProperty("attempts").GetInt32().ShouldBeGreaterThan(firstFailure.Data.GetProperty("attempts").GetInt32());

        // Shipment 2 of the same SKU leaves line 1 to shipment 1.
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "2", [("MUG", 1)], trackNumber: "1Z999AA10000000002"));
        var second = await stack.Results.WaitFor(r => r.Type == ContractNames.ShipmentSynced && r.Subject == po && r.Data.GetProperty("shipmentId").GetString() == "2");
        second.Data.GetProperty("lines")[0].GetProperty("lineNumber").GetString().ShouldBe("2");

        // Its track fixed, shipment 1 ships the line it settled on.
        await stack.Commerce.Publish(CommerceEvents.Track(po, "1", "1Z999AA10000000001"));
        var first = await stack.Results.WaitFor(r => r.Type == ContractNames.ShipmentSynced && r.Subject == po && r.Data.GetProperty("shipmentId").GetString() == "1");
        first.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        first.Data.GetProperty("lines")[0].GetProperty("lineNumber").GetString().ShouldBe("1");
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.Single(l => l.LineNumber == "1").TrackingNumbers.ShouldBe(["1Z999AA10000000001"]);
        lines.Single(l => l.LineNumber == "2").TrackingNumbers.ShouldBe(["1Z999AA10000000002"]);
        (await SandboxLedger.UnitsShippedByCalls(stack.Sandbox, po)).OrderBy(l => l.Key).ShouldBe([new("1", 1), new("2", 1)]);
    }
}
