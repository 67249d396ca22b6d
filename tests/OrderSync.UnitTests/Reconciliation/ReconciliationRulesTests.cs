using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;
using OrderSync.UnitTests.Saga;
using static OrderSync.Domain.OrderSyncRules;
using static OrderSync.UnitTests.Saga.OrderSyncMessages;

namespace OrderSync.UnitTests.Reconciliation;

public sealed class ReconciliationRulesTests
{
    private static readonly ShipmentTrack Ups = new("t1", "ups", "UPS", "1Z1", null);
    private static readonly TrackWaitLimits TrackWait = new(TimeSpan.FromDays(1), TimeSpan.FromDays(3));

    [Fact]
    public void A_line_cancelled_on_walmart_is_reported_once_and_the_order_keeps_it()
    {
        var state = ShippedLineOneOfTwo();
        var cancelled = new OrderLineState("2", "TEE", 1, 0, 1) { CancellationReason = "SELLER_CANCEL_SHIP_BY_DATE_PASSED" };
        IReadOnlyList<OrderLineState> seen = [state.WalmartLines[0], cancelled];

        var first = On(state, Reconciled(seen), Now, TrackWait);

        var result = first.Published();
        result.Type.ShouldBe(SyncResultTypes.ChangedOnWalmart);
        var data = result.Data.ShouldBeOfType<ChangedOnWalmartData>();
        data.Lines.ShouldHaveSingleItem().CancellationReason.ShouldBe("SELLER_CANCEL_SHIP_BY_DATE_PASSED");
        data.OrderStatus.ShouldBe(OrderStatuses.Shipped);
        state.WalmartLines[1].ShouldBe(cancelled);

        var again = On(state, Reconciled(seen), Now, TrackWait);
        again.Decisions.OfType<PublishResult>().ShouldBeEmpty();
        again.StateChanged.ShouldBeFalse("a look that finds nothing new is not saved");
    }

    [Fact]
    public void The_same_change_found_by_two_passes_before_either_was_applied_keeps_one_result_id()
    {
        var seen = (IReadOnlyList<OrderLineState>)[new OrderLineState("1", "MUG", 1, 1, 0) { TrackingNumber = "1Z1" }, new OrderLineState("2", "TEE", 1, 0, 1)];
        var one = On(ShippedLineOneOfTwo(), Reconciled(seen), Now, TrackWait).Published();
        var other = On(ShippedLineOneOfTwo(), Reconciled(seen) with { PassId = Guid.NewGuid() }, Now.AddMinutes(10), TrackWait).Published();

        other.Id.ShouldBe(one.Id);
    }

    [Fact]
    public void What_walmart_shows_while_an_operation_is_in_flight_waits_for_the_next_pass()
    {
        var state = NewOrder();
        On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        var decided = On(state, Reconciled([new OrderLineState("1", "MUG", 1, 1, 0) { TrackingNumber = "1Z1" }]), Now, TrackWait);

        decided.Decisions.OfType<PublishResult>().ShouldBeEmpty();
        state.WalmartLines.ShouldBeEmpty();
        state.ComparedWithWalmartAt.ShouldBeNull("the next pass reads the order by itself");
    }

    [Fact]
    public void A_later_commerce_cancellation_after_walmart_closed_every_line_is_refused_with_a_reason()
    {
        var state = ShippedLineOneOfTwo();
        On(state, Reconciled([state.WalmartLines[0], new OrderLineState("2", "TEE", 1, 0, 1)]), Now, TrackWait);

        var decided = On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait);

        decided.SendsNothing();
        state.LastError!.ShouldContain("already shipped or cancelled");
    }

    [Fact]
    public void A_stuck_operation_is_sent_again_as_the_same_operation_and_one_not_in_flight_is_not()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        var decided = On(state, Reconciled(null) with { StuckOperations = [ship.OperationId] }, Now, TrackWait);

        decided.Sent().ShouldBe(ship);
        decided.Decisions.OfType<OperationRedispatched>().ShouldHaveSingleItem().OperationId.ShouldBe(ship.OperationId);

        On(state, Completion(ship, [new OperationLine("1", "MUG", 1, "UPS", "1Z1", null)], [new OrderLineState("1", "MUG", 1, 1, 0)]));
        On(state, Reconciled(null) with { StuckOperations = [ship.OperationId] }, Now, TrackWait).SendsNothing();
    }

    [Fact]
    public void A_shipment_waiting_for_its_track_is_reported_past_the_first_age_then_puts_the_order_in_error_once()
    {
        var state = NewOrder();
        On(state, Shipment("s1", track: null), Now, ArrivalWait, TrackingChangeWindow);
        var shippedAt = state.Shipments[0].ShippedAt;

        var early = On(state, Reconciled(null), shippedAt + TimeSpan.FromHours(1), TrackWait);
        early.Decisions.ShouldBeEmpty();

        var reported = On(state, Reconciled(null), shippedAt + TimeSpan.FromDays(2), TrackWait);
        reported.Decisions.OfType<ShipmentTrackOverdue>().ShouldHaveSingleItem();
        reported.Decisions.OfType<PublishResult>().ShouldBeEmpty();
        state.Shipments[0].TrackOverdueSince.ShouldBe(shippedAt + TimeSpan.FromDays(2));

        var failed = On(state, Reconciled(null), shippedAt + TimeSpan.FromDays(4), TrackWait);
        var data = failed.Published().Data.ShouldBeOfType<SyncFailedData>();
        data.StatusDetails.ShouldContain("waited more than 3 days for its tracking number");
        state.OrderStatus.ShouldBe(OrderStatuses.Error);

        On(state, Reconciled(null), shippedAt + TimeSpan.FromDays(5), TrackWait).Decisions.ShouldBeEmpty();
    }

    private static OrderSyncState ShippedLineOneOfTwo()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completion(
            ship,
            [new OperationLine("1", "MUG", 1, "UPS", "1Z1", null)],
            [new OrderLineState("1", "MUG", 1, 1, 0) { Carrier = "UPS", TrackingNumber = "1Z1" }, new OrderLineState("2", "TEE", 1, 0, 0)]));
        return state;
    }

    private static WalmartOrderReconciled Reconciled(IReadOnlyList<OrderLineState>? seen) => new()
    {
        CorrelationId = OrderId,
        PassId = new Guid("0197a3c4-0000-7000-8000-000000000001"),
        CheckedAt = Now,
        WalmartLines = seen,
    };
}
