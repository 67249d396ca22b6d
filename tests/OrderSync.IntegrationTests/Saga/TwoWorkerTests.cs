using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using OrderSync.Domain.State;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>Many orders' events, interleaved and duplicated, consumed by two worker instances sharing one broker and one database.</summary>
public sealed class TwoWorkerTests
{
    private const int Orders = 20;

    // About 130 shipping calls in a few seconds: above the client's own per-seller limit (60 a minute), which is not under test here.
    private static readonly Dictionary<string, string?> RoomyRateLimits = new()
    {
        ["Walmart:RateLimits:Shipping:PermitsPerMinute"] = "6000",
        ["Walmart:RateLimits:Shipping:Burst"] = "200",
        ["Walmart:RateLimits:Cancel:PermitsPerMinute"] = "6000",
        ["Walmart:RateLimits:Cancel:Burst"] = "200",
    };

    [Fact]
    public async Task Two_hundred_interleaved_events_for_twenty_orders_on_two_workers_leave_every_order_right_with_no_line_shipped_twice()
    {
        await using var stack = await SyncStack.Start(RoomyRateLimits);

        // Works around the migration lock the first worker keeps on an idle pooled connection (see SecondWorkerInstanceTests):
        // closing idle connections releases it.
        NpgsqlConnection.ClearAllPools();
        await using var second = await WorkerUnderTest.Start(stack.Environment, stack.Sandbox.BaseUrl, RoomyRateLimits);
        var (firstTraffic, secondTraffic) = (WorkerTraffic.Attach(stack.Worker!), WorkerTraffic.Attach(second));
        var orders = new List<(string Po, string Store)>();
        for (var index = 0; index < Orders; index++)
        {
            var store = index % 4 == 3 ? "walmart_ca" : "walmart_us";
            orders.Add((await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), store, "MUG", "MUG", "MUG", "TEE", "TEE", "CAP", "CAP"), store));
        }

        // Nine events per order, interleaved across orders: shipments with and without tracks, a track before its shipment, a
        // changed tracking number, and two events delivered twice. Any order of these within an order leads to the same state.
        var firstWave = Interleave(orders.Select(order => FirstWave(order.Po, order.Store)).ToList(), new Random(20260314));
        foreach (var cloudEvent in firstWave)
        {
            await stack.Commerce.Publish(cloudEvent);
        }

        foreach (var (po, store) in orders)
        {
            await StoredSaga.WaitFor(stack.Environment.Postgres, po, FirstWaveDone, $"order {po} to ship s1-s4 and update the tracking of s1", store);
        }

        // Then one more event each: every other order is cancelled, the rest ship their last lines. A cancellation goes out only once
        // its order's shipments are synced: Commerce cannot cancel what it shipped, and a cancellation that overtakes a shipment made
        // before it would cancel that shipment's lines.
        var secondWave = orders.Select((order, index) => index % 2 == 0
            ? CommerceEvents.Cancellation(order.Po, "out_of_stock", order.Store)
            : CommerceEvents.Shipment(order.Po, "s5", [("MUG", 1), ("CAP", 1)], "T5-" + order.Po, order.Store)).ToList();
        foreach (var cloudEvent in secondWave)
        {
            await stack.Commerce.Publish(cloudEvent);
        }

        (firstWave.Count + secondWave.Count).ShouldBe(200);
        for (var index = 0; index < Orders; index++)
        {
            var (po, store) = orders[index];
            var cancelled = index % 2 == 0;
            var final = cancelled
                ? await stack.Results.WaitFor("walmart.order.cancellation.synced", po, TimeSpan.FromSeconds(60))
                : await stack.Results.WaitFor(r => r.Subject == po && r.Type == "walmart.order.shipment.synced" && r.Data.GetProperty("shipmentId").GetString() == "s5", TimeSpan.FromSeconds(60));
            final.Data.GetProperty("orderStatus").GetString().ShouldBe(cancelled ? "Canceled" : "Shipped");
            final.Data.GetProperty("storeCode").GetString().ShouldBe(store);

            var lines = await SandboxLedger.Lines(stack.Sandbox, po);
            lines.ShouldAllBe(l => l.Open == 0, $"order {po}: every line shipped or cancelled");
            lines.Where(l => l.Sku == "MUG").Sum(l => l.Shipped).ShouldBe(cancelled ? 2 : 3, $"order {po}: MUG units shipped");
            lines.Where(l => l.Sku == "TEE").Sum(l => l.Shipped).ShouldBe(2, $"order {po}: TEE units shipped");
            lines.Where(l => l.Sku == "CAP").Sum(l => l.Shipped).ShouldBe(cancelled ? 1 : 2, $"order {po}: CAP units shipped");
            lines.SelectMany(l => l.CancellationReasons).ShouldAllBe(reason => reason == "SELLER_CANCEL_OUT_OF_STOCK");
            string[] tracks = cancelled ? ["T1b", "T1b", "T2", "T3", "T4"] : ["T1b", "T1b", "T2", "T3", "T4", "T5", "T5"];
            lines.SelectMany(l => l.TrackingNumbers).ShouldBe([.. tracks.Select(t => $"{t}-{po}")], ignoreOrder: true, $"order {po}: tracking numbers on Walmart");

            var shippedByCalls = await SandboxLedger.UnitsShippedByCalls(stack.Sandbox, po);
            shippedByCalls.Values.ShouldAllBe(units => units == 1, $"order {po}: no line received two applied ship calls");
            shippedByCalls.Values.Sum().ShouldBe(lines.Sum(l => l.Shipped), $"order {po}: every unit shipped by exactly one call");
        }

        stack.Results.Results.ShouldNotContain(r => r.Type == "walmart.order.sync.failed");
        firstTraffic.OrderEventsFinished.ShouldBeGreaterThan(0, "the first worker took part");
        secondTraffic.OrderEventsFinished.ShouldBeGreaterThan(0, "the second worker took part");
    }

    [Fact]
    public async Task Events_of_one_order_consumed_by_two_workers_are_applied_in_the_order_commerce_published_them()
    {
        const int Shipments = 16;
        await using var stack = await SyncStack.Start(RoomyRateLimits);
        NpgsqlConnection.ClearAllPools();
        await using var second = await WorkerUnderTest.Start(stack.Environment, stack.Sandbox.BaseUrl, RoomyRateLimits);
        var (firstTraffic, secondTraffic) = (WorkerTraffic.Attach(stack.Worker!), WorkerTraffic.Attach(second));
        var po = await stack.Sandbox.SeedOrderAs(WalmartSandbox.NewPurchaseOrderId(), "walmart_us", [.. Enumerable.Repeat("MUG", Shipments)]);

        // Each shipment takes the lowest-numbered open line when the saga applies it, so line n carries the track of the shipment
        // applied n-th: the lines show the order in which the saga applied the events.
        for (var number = 1; number <= Shipments; number++)
        {
            await stack.Commerce.Publish(CommerceEvents.Shipment(po, $"s{number}", [("MUG", 1)], $"T{number}-{po}"));
        }

        await StoredSaga.WaitFor(
            stack.Environment.Postgres, po, state => state.Shipments.Count == Shipments && state.Shipments.All(s => s.Status == ShipmentStatus.Synced),
            $"order {po} to ship its {Shipments} shipments");
        var lines = await SandboxLedger.Lines(stack.Sandbox, po);
        lines.Select(l => (l.LineNumber, l.TrackingNumbers.Single())).ShouldBe(
            [.. Enumerable.Range(1, Shipments).Select(n => (n.ToString(CultureInfo.InvariantCulture), $"T{n}-{po}"))]);
        (firstTraffic.OrderEventsFinished + secondTraffic.OrderEventsFinished).ShouldBeGreaterThanOrEqualTo(Shipments);
    }

    private static bool FirstWaveDone(OrderSyncState state) =>
        state.Shipments.Count == 4
        && state.Shipments.All(s => s.Status == ShipmentStatus.Synced)
        && state.Shipments.Single(s => s.ShipmentId == "s1").SentTrackingNumber!.StartsWith("T1b", StringComparison.Ordinal)
        && state.InFlight is null
        && state.Operations.All(o => o.Status != OperationStatus.Queued);

    private static List<JsonObject> FirstWave(string po, string store)
    {
        var s1 = CommerceEvents.Shipment(po, "s1", [("MUG", 1), ("TEE", 1)], "T1a-" + po, store);
        var s2Track = CommerceEvents.Track(po, "s2", "T2-" + po, store: store);
        return
        [
            s1,
            CommerceEvents.Shipment(po, "s2", [("MUG", 1)], trackNumber: null, store),
            s2Track,
            CommerceEvents.Track(po, "s3", "T3-" + po, store: store),
            CommerceEvents.Shipment(po, "s3", [("CAP", 1)], trackNumber: null, store),
            s1,
            CommerceEvents.Track(po, "s1", "T1b-" + po, store: store),
            CommerceEvents.Shipment(po, "s4", [("TEE", 1)], "T4-" + po, store),
            s2Track,
        ];
    }

    /// <summary>Merges the orders' event lists at random, keeping each order's own events in their order.</summary>
    private static List<JsonObject> Interleave(List<List<JsonObject>> perOrder, Random random)
    {
        var merged = new List<JsonObject>();
        var next = new int[perOrder.Count];
        while (merged.Count < perOrder.Sum(events => events.Count))
        {
            var open = Enumerable.Range(0, perOrder.Count).Where(index => next[index] < perOrder[index].Count).ToList();
            var pick = open[random.Next(open.Count)];
            merged.Add(perOrder[pick][next[pick]++]);
        }

        return merged;
    }
}
