using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;
using static OrderSync.Domain.OrderSyncRules;
using static OrderSync.UnitTests.Saga.OrderSyncMessages;

namespace OrderSync.UnitTests.Saga;

/// <summary>The rules where events of one order meet an operation in flight, a failure, or each other.</summary>
public sealed class OrderSyncInterleavingRulesTests
{
    private static readonly ShipmentTrack First = new("t1", "ups", "UPS", "1Z1", null);
    private static readonly ShipmentTrack Second = new("t2", "ups", "UPS", "1Z2", null);

    [Fact]
    public void A_track_for_a_ship_in_flight_becomes_a_tracking_update_when_the_ship_completes_with_the_old_number()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Track("s1", Second, "e-track"), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();
        var decided = On(state, Completed(ship, "1Z1"));

        var update = decided.Sent();
        update.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        update.CausationId.ShouldBe("e-track");
        update.Shipment!.Track.ShouldBe(Second);
    }

    [Fact]
    public void A_track_for_a_ship_in_flight_needs_no_update_when_the_ship_went_out_with_it()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Track("s1", Second, "e-track"), Now, ArrivalWait, TrackingChangeWindow);

        // A copy of the command, sent again for a redelivered event, carried the newer track and was the one that ran.
        var decided = On(state, Completed(ship, "1Z2"));

        decided.SendsNothing();
        state.InFlight.ShouldBeNull();
        state.Shipments[0].SentTrackingNumber.ShouldBe("1Z2");
    }

    [Fact]
    public void A_failed_tracking_update_leaves_the_shipment_shipped_and_a_new_track_updates_it_again()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, "1Z1"));
        var update = On(state, Track("s1", Second, "e-2"), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Failure(update, "Walmart refused the tracking number."));
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.Synced);
        var decided = On(state, Track("s1", First with { TrackNumber = "1Z3" }, "e-3"), Now, ArrivalWait, TrackingChangeWindow);

        state.Operations.Where(o => o.Kind == WalmartOperationKind.Ship).ShouldHaveSingleItem();
        decided.Sent().Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
    }

    [Fact]
    public void A_resync_of_a_failed_tracking_update_leaves_the_shipment_shipped()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, "1Z1"));
        var update = On(state, Track("s1", Second, "e-2"), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Failure(update, "Walmart was unavailable."));

        var decided = On(state, Resync());

        decided.Decisions.OfType<OperationsRequeued>().ShouldHaveSingleItem().Count.ShouldBe(1);
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.Synced);
        var again = decided.Sent();
        again.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        again.OperationId.ShouldBe(update.OperationId);
    }

    [Fact]
    public void A_failed_ship_runs_again_under_its_own_operation_when_its_track_changes()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Failure(ship, "Walmart refused the carrier."));

        On(state, Track("s1", First, "e-same"), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();
        var decided = On(state, Track("s1", Second, "e-new"), Now, ArrivalWait, TrackingChangeWindow);

        var retry = decided.Sent();
        retry.OperationId.ShouldBe(ship.OperationId);
        retry.CausationId.ShouldBe("e-new");
        state.Operations.ShouldHaveSingleItem();
        retry.Shipment!.Track.ShouldBe(Second);
    }

    [Fact]
    public void A_failed_ship_runs_again_when_the_track_gets_the_url_its_refusal_asked_for()
    {
        var unknownCarrier = new ShipmentTrack("t1", "pigeonpost", "Pigeon Post", "PP-1", null);
        var state = NewOrder();
        var ship = On(state, Shipment("s1", unknownCarrier), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Failure(ship, "Walmart needs a tracking URL for carrier Pigeon Post."));

        On(state, Track("s1", unknownCarrier with { TrackId = "t1-resaved" }, "e-resaved"), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();
        var decided = On(state, Track("s1", unknownCarrier with { TrackUrl = "https://pigeon.example/PP-1" }, "e-url"), Now, ArrivalWait, TrackingChangeWindow);

        var retry = decided.Sent();
        retry.OperationId.ShouldBe(ship.OperationId);
        retry.Shipment!.Track.TrackUrl.ShouldBe("https://pigeon.example/PP-1");
    }

    [Fact]
    public void A_ship_that_fails_after_another_track_was_saved_while_it_ran_runs_again_with_that_track()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Track("s1", Second, "e-new"), Now, ArrivalWait, TrackingChangeWindow);

        var decided = On(state, Failure(ship, "Walmart refused the tracking number."));

        decided.Published().Data.ShouldBeOfType<SyncFailedData>().StatusDetails.ShouldBe("Walmart refused the tracking number.");
        var retry = decided.Sent();
        retry.OperationId.ShouldBe(ship.OperationId);
        retry.CausationId.ShouldBe("e-new");
        retry.Shipment!.Track.ShouldBe(Second);
    }

    [Fact]
    public void A_ship_that_fails_with_the_track_it_was_sent_with_stays_failed()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Track("s1", First with { TrackId = "t1-resaved" }, "e-resaved"), Now, ArrivalWait, TrackingChangeWindow);

        var decided = On(state, Failure(ship, "Walmart refused the tracking number."));

        decided.SendsNothing();
        state.Operation(ship).Status.ShouldBe(OperationStatus.Failed);
        state.OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public void A_ship_queued_while_a_cancellation_waits_its_turn_goes_before_it()
    {
        var state = NewOrder();
        On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        var cancellation = On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait);
        cancellation.Decisions.OfType<PublishResult>().ShouldBeEmpty();
        cancellation.SendsNothing();

        On(state, Shipment("s2", Second), Now, ArrivalWait, TrackingChangeWindow);

        state.Operations.Select(o => (o.Kind, o.ShipmentId)).ShouldBe(
            [(WalmartOperationKind.Ship, "s1"), (WalmartOperationKind.Ship, "s2"), (WalmartOperationKind.Cancel, null)]);
    }

    [Fact]
    public void A_cancellation_does_not_start_while_a_shipment_waits_for_its_track()
    {
        var state = NewOrder();
        On(state, Shipment("s1", track: null), Now, ArrivalWait, TrackingChangeWindow);
        var cancellation = On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait);
        cancellation.Decisions.OfType<PublishResult>().ShouldBeEmpty();

        cancellation.SendsNothing();
        var decided = On(state, Track("s1", First, "e-track"), Now, ArrivalWait, TrackingChangeWindow);

        decided.Sent().Kind.ShouldBe(WalmartOperationKind.Ship);
    }

    [Fact]
    public void A_cancellation_queued_or_done_makes_a_second_one_change_nothing()
    {
        var state = NewOrder();
        var cancel = On(state, Cancellation("e-1", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait).Sent();

        var second = On(state, Cancellation("e-2", "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), Now, ArrivalWait);

        second.Decisions.OfType<PublishResult>().ShouldBeEmpty();
        second.SendsNothing();
        state.Operations.ShouldHaveSingleItem();
        state.Cancellation!.EventId.ShouldBe("e-1");
        state.Cancellation.WalmartReason.ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
        cancel.Cancellation!.WalmartReason.ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
    }

    [Fact]
    public void A_cancellation_of_an_order_whose_lines_the_saga_saw_all_shipped_is_refused()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, "1Z1", [new OrderLineState("1", "MUG", 1, 1, 0)]));

        var decided = On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait);

        decided.Published().Data.ShouldBeOfType<SyncFailedData>().StatusDetails
            .ShouldBe("Walmart order PO-1 is already fully shipped, so there is nothing left to cancel.");
        decided.SendsNothing();
        state.Operations.ShouldHaveSingleItem();
        state.OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public void A_cancellation_of_an_order_whose_lines_are_shipped_or_cancelled_is_refused()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, "1Z1", [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 1)]));

        var decided = On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait);

        decided.Published().Data.ShouldBeOfType<SyncFailedData>().StatusDetails
            .ShouldBe("Every line of Walmart order PO-1 is already shipped or cancelled, so there is nothing left to cancel.");
    }

    [Fact]
    public void After_the_cancellation_went_through_a_later_success_still_reports_canceled()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", First), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, "1Z1"));
        var cancel = On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait).Sent();
        On(state, Completed(cancel, null, [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 1)]));

        var update = On(state, Track("s1", Second, "e-2"), Now, ArrivalWait, TrackingChangeWindow).Sent();
        var decided = On(state, Completed(update, "1Z2", [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 1)]));

        state.OrderStatus.ShouldBe(OrderStatuses.Canceled);
        decided.Published().Data.ShouldBeOfType<ShipmentSyncedData>().OrderStatus.ShouldBe(OrderStatuses.Canceled);
    }

    // ---- Arrival order: the intake numbers an order's events; they are applied in that order ----

    [Fact]
    public void An_event_that_comes_before_an_earlier_one_is_held_until_that_one_is_applied()
    {
        var state = NewOrder();
        var track = Track("s1", First, Numbered("e-track", 2, Now));

        var held = On(state, track, Now, ArrivalWait, TrackingChangeWindow);

        held.StateChanged.ShouldBeTrue();
        held.Decisions.OfType<EventHeld>().ShouldHaveSingleItem().ShouldBe(new EventHeld("e-track", 2, 1));
        held.Decisions.OfType<WakeUpAt>().ShouldHaveSingleItem().At.ShouldBe(Now + ArrivalWait);
        state.Holds("e-track").ShouldBeTrue();
        state.IsApplied("e-track").ShouldBeFalse();
        state.PendingTracks.ShouldBeEmpty();

        var shipment = On(state, Shipment("s1", track: null, Numbered("e-s1", 1, Now)), Now.AddSeconds(1), ArrivalWait, TrackingChangeWindow);

        shipment.SendsNothing();
        var release = shipment.Decisions.OfType<ReleaseHeldEvent>().ShouldHaveSingleItem();
        release.Event.ShouldBeSameAs(track);
        release.Sequence.ShouldBe(2);
        state.Holds("e-track").ShouldBeTrue();

        var released = On(state, (TrackReceived)release.Event, Now.AddSeconds(1), ArrivalWait, TrackingChangeWindow);

        released.Sent().Shipment!.Track.ShouldBe(First);
        state.HeldEvents.ShouldBeEmpty();
        state.LastArrivalSequence.ShouldBe(2);
    }

    [Fact]
    public void A_copy_of_a_held_event_is_not_held_twice_but_sets_the_timer_again()
    {
        var state = NewOrder();
        var track = Track("s1", First, Numbered("e-track", 2, Now));
        On(state, track, Now, ArrivalWait, TrackingChangeWindow);

        var copy = On(state, track, Now.AddSeconds(5), ArrivalWait, TrackingChangeWindow);

        copy.StateChanged.ShouldBeFalse();
        copy.Decisions.ShouldHaveSingleItem().ShouldBe(new WakeUpAt(Now + ArrivalWait));
        state.HeldEvents.ShouldHaveSingleItem();
    }

    [Fact]
    public void Held_events_that_have_waited_long_enough_are_applied_without_the_events_before_them()
    {
        var state = NewOrder();
        var shipment = Shipment("s1", First, Numbered("e-s1", 2, Now));
        var track = Track("s1", Second, Numbered("e-track", 3, Now.AddSeconds(1)));
        On(state, track, Now.AddSeconds(1), ArrivalWait, TrackingChangeWindow);
        On(state, shipment, Now.AddSeconds(1), ArrivalWait, TrackingChangeWindow);
        state.HeldEvents.Select(h => h.Sequence).ShouldBe([2, 3]);

        // A timer that comes early (another instance's clock) sets itself again.
        var tooEarly = On(state, HeldEventsAreDue(), Now.AddSeconds(10), ArrivalWait);
        tooEarly.StateChanged.ShouldBeFalse();
        tooEarly.Decisions.ShouldHaveSingleItem().ShouldBe(new WakeUpAt(Now + ArrivalWait));

        var due = On(state, HeldEventsAreDue(), Now + ArrivalWait, ArrivalWait);
        var first = due.Decisions.ShouldHaveSingleItem().ShouldBeOfType<ReleaseHeldEvent>();
        first.Event.ShouldBeSameAs(shipment);
        due.StateChanged.ShouldBeFalse();

        var applied = On(state, (ShipmentReceived)first.Event, Now + ArrivalWait, ArrivalWait, TrackingChangeWindow);
        applied.Decisions.OfType<AppliedWithoutEarlierEvents>().ShouldHaveSingleItem().ShouldBe(new AppliedWithoutEarlierEvents("e-s1", 2, 1, 1));
        applied.Sent().Kind.ShouldBe(WalmartOperationKind.Ship);
        var next = applied.Decisions.OfType<ReleaseHeldEvent>().ShouldHaveSingleItem();
        next.Event.ShouldBeSameAs(track);

        On(state, (TrackReceived)next.Event, Now + ArrivalWait, ArrivalWait, TrackingChangeWindow);
        state.HeldEvents.ShouldBeEmpty();
        state.LastArrivalSequence.ShouldBe(3);
        state.Shipments[0].Track.ShouldBe(Second);
    }

    [Fact]
    public void An_event_under_the_id_of_a_held_one_with_other_contents_is_refused_and_changes_nothing()
    {
        var state = NewOrder();
        On(state, Track("s1", First, Numbered("e-track", 2, Now) with { ContentDigest = "digest-1" }), Now, ArrivalWait, TrackingChangeWindow);
        var before = state.ToJson();

        var decided = On(state, Track("s1", Second, Numbered("e-track", 2, Now) with { ContentDigest = "digest-2" }), Now, ArrivalWait, TrackingChangeWindow);

        decided.StateChanged.ShouldBeFalse();
        decided.Decisions.ShouldHaveSingleItem().ShouldBeOfType<Refusal>().Reason.ShouldContain("e-track");
        state.ToJson().ShouldBe(before);
    }

    private static WalmartOperationCompleted Completed(ExecuteWalmartOperation command, string? trackingNumber, IReadOnlyList<OrderLineState>? order = null) =>
        Completion(
            command,
            trackingNumber is null
                ? [new OperationLine("2", "TEE", 1, null, null, "SELLER_CANCEL_OUT_OF_STOCK")]
                : [new OperationLine("1", "MUG", 1, "UPS", trackingNumber, null)],
            order ?? [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 0)]);
}
