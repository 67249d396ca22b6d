using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Processes;

namespace OrderSync.UnitTests.Benchmark;

public sealed class WorkloadPlannerTests
{
    private static readonly IReadOnlyList<SandboxOrder> Orders = [.. Enumerable.Range(0, WorkloadPlanner.OrdersFor(1_000)).Select(Order)];

    [Fact]
    public void The_mix_is_seventy_percent_shipments_twenty_percent_tracks_and_ten_percent_cancellations()
    {
        var plan = WorkloadPlanner.Plan(Orders, 1_000, seed: 7);

        plan.Events.Count.ShouldBe(1_000);
        (plan.Count(CommerceEventKind.ShipmentWithTrack) + plan.Count(CommerceEventKind.ShipmentAwaitingTrack)).ShouldBe(700);
        plan.Count(CommerceEventKind.Track).ShouldBe(200);
        plan.Count(CommerceEventKind.ShipmentAwaitingTrack).ShouldBe(200);
        plan.Count(CommerceEventKind.Cancellation).ShouldBe(100);
        plan.ResultProducing.Count.ShouldBe(800);
    }

    [Fact]
    public void Every_order_ships_only_units_it_has_and_a_cancelled_order_keeps_one_unshipped()
    {
        var plan = WorkloadPlanner.Plan(Orders, 1_000, seed: 7);

        foreach (var events in plan.Events.GroupBy(e => e.Order.Walmart.PurchaseOrderId))
        {
            var order = events.First().Order.Walmart;
            var units = order.Lines.Sum(line => line.Quantity);
            var shipped = events.SelectMany(e => e.Items).Sum(item => item.Quantity);
            var cancelled = events.Any(e => e.Kind == CommerceEventKind.Cancellation);
            shipped.ShouldBeLessThanOrEqualTo(cancelled ? units - 1 : units, $"order {order.PurchaseOrderId}");
            foreach (var sku in events.SelectMany(e => e.Items).GroupBy(item => item.Sku))
            {
                sku.Sum(item => item.Quantity).ShouldBeLessThanOrEqualTo(order.Lines.Where(line => line.Sku == sku.Key).Sum(line => line.Quantity));
            }
        }
    }

    [Fact]
    public void A_track_comes_after_its_shipment_and_a_cancellation_comes_last_in_its_order()
    {
        var plan = WorkloadPlanner.Plan(Orders, 1_000, seed: 7);
        var position = plan.Events.Select((e, index) => (e, index)).ToList();

        foreach (var (track, index) in position.Where(p => p.e.Kind == CommerceEventKind.Track))
        {
            var shipment = position.Single(p => p.e.Kind == CommerceEventKind.ShipmentAwaitingTrack && p.e.ShipmentId == track.ShipmentId);
            shipment.index.ShouldBeLessThan(index);
        }

        foreach (var events in plan.Events.GroupBy(e => e.Order.Walmart.PurchaseOrderId).Where(g => g.Any(e => e.Kind == CommerceEventKind.Cancellation)))
        {
            events.Last().Kind.ShouldBe(CommerceEventKind.Cancellation);
        }
    }

    [Fact]
    public void An_order_events_are_spread_through_the_stream_rather_than_sent_back_to_back()
    {
        var plan = WorkloadPlanner.Plan(Orders, 1_000, seed: 7);

        var backToBack = plan.Events.Zip(plan.Events.Skip(1)).Count(pair => pair.First.Order.Walmart.PurchaseOrderId == pair.Second.Order.Walmart.PurchaseOrderId);
        backToBack.ShouldBe(0);
    }

    [Fact]
    public void The_same_seed_plans_the_same_stream()
    {
        var first = WorkloadPlanner.Plan(Orders, 1_000, seed: 7).Events.Select(e => (e.Kind, e.Order.Walmart.PurchaseOrderId, e.ShipmentId));
        var second = WorkloadPlanner.Plan(Orders, 1_000, seed: 7).Events.Select(e => (e.Kind, e.Order.Walmart.PurchaseOrderId, e.ShipmentId));

        second.ShouldBe(first);
    }

    [Fact]
    public void Too_few_orders_for_the_events_is_refused_with_the_reason()
    {
        var exception = Should.Throw<InvalidOperationException>(() => WorkloadPlanner.Plan([.. Orders.Take(20)], 1_000, seed: 7));

        exception.Message.ShouldContain("too few");
    }

    private static SandboxOrder Order(int index) => new(
        $"store_{index % 10}",
        (900_000_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
        [new SandboxOrderLine("1", $"SKU-{index}-A", 2), new SandboxOrderLine("2", $"SKU-{index}-B", 1 + (index % 3))]);
}
