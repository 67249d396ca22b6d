using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;
using static OrderSync.Domain.OrderSyncRules;
using static OrderSync.UnitTests.Saga.OrderSyncMessages;

namespace OrderSync.UnitTests.Saga;

public sealed class OrderSyncRulesTests
{
    private static readonly ShipmentTrack Ups = new("t1", "ups", "UPS", "1Z1", null);

    [Fact]
    public void A_shipment_with_a_track_queues_a_ship_operation_and_sends_it()
    {
        var state = NewOrder();

        var decided = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow);

        decided.StateChanged.ShouldBeTrue();
        state.Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.Queued);
        var ship = state.Operations.ShouldHaveSingleItem();
        ship.Kind.ShouldBe(WalmartOperationKind.Ship);
        ship.Status.ShouldBe(OperationStatus.InFlight);
        var command = decided.Sent();
        command.OperationId.ShouldBe(ship.OperationId);
        command.Shipment!.Track.ShouldBe(Ups);
        state.CurrentState.ShouldBe("Syncing");
    }

    [Fact]
    public void A_shipment_without_a_track_waits_for_it_and_its_track_releases_it()
    {
        var state = NewOrder();

        On(state, Shipment("s1", track: null), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();
        state.Operations.ShouldBeEmpty();
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.WaitingForTrack);

        var decided = On(state, Track("s1", Ups, "e-track-1Z1"), Now, ArrivalWait, TrackingChangeWindow);
        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
        decided.Sent().Kind.ShouldBe(WalmartOperationKind.Ship);
        state.Shipments[0].Track.ShouldBe(Ups);
    }

    [Fact]
    public void A_track_before_its_shipment_is_kept_and_used_when_the_shipment_comes()
    {
        var state = NewOrder();

        On(state, Track("s1", Ups, "e-track-1Z1"), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();
        state.Operations.ShouldBeEmpty();
        state.PendingTracks.ShouldHaveSingleItem().Track.ShouldBe(Ups);

        var decided = On(state, Shipment("s1", track: null), Now, ArrivalWait, TrackingChangeWindow);
        state.PendingTracks.ShouldBeEmpty();
        state.Shipments[0].Track.ShouldBe(Ups);
        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
        decided.Sent().Shipment!.Track.ShouldBe(Ups);
    }

    [Fact]
    public void A_changed_tracking_number_on_a_synced_shipment_becomes_a_tracking_update()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, [new OperationLine("1", "MUG", 1, "UPS", "1Z1", null)], closed: false));

        var decided = On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-track-1Z2"), Now, ArrivalWait, TrackingChangeWindow);

        state.Operations[^1].Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        var update = decided.Sent();
        update.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        update.Shipment!.Lines.ShouldBe(["1"]);
    }

    [Fact]
    public void A_tracking_number_walmart_holds_normalised_needs_no_update()
    {
        // The Walmart client sends a number in its carrier's form without spaces and in upper case.
        var state = NewOrder();
        var typed = Ups with { TrackNumber = "1z 999 aa1 0123 456 784" };
        var ship = On(state, Shipment("s1", typed), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Completed(ship, [new OperationLine("1", "MUG", 1, "UPS", "1Z999AA10123456784", null)], closed: false)).SendsNothing();
        On(state, Track("s1", typed with { TrackId = "t2" }, "e-same-again"), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();

        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
    }

    [Fact]
    public void Operations_run_one_at_a_time_in_the_order_they_were_asked()
    {
        var state = NewOrder();
        var first = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Shipment("s2", Ups), Now, ArrivalWait, TrackingChangeWindow).SendsNothing();
        state.Operations.Count.ShouldBe(2);
        state.InFlight!.OperationId.ShouldBe(first.OperationId);

        var next = On(state, Completed(first, [], closed: false)).Sent();
        next.Shipment!.ShipmentId.ShouldBe("s2");
        state.InFlight!.OperationId.ShouldBe(next.OperationId);
    }

    [Fact]
    public void The_order_is_partially_shipped_until_every_line_is_shipped_or_cancelled()
    {
        var state = NewOrder();
        var first = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Shipment("s2", Ups), Now, ArrivalWait, TrackingChangeWindow);

        var second = On(state, Completed(first, [], closed: false));
        state.OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);
        second.Published().Data.OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);

        var last = On(state, Completed(second.Sent(), [], closed: true));
        state.OrderStatus.ShouldBe(OrderStatuses.Shipped);
        last.Published().Data.OrderStatus.ShouldBe(OrderStatuses.Shipped);
    }

    [Fact]
    public void A_cancellation_without_a_reason_walmart_accepts_is_refused_without_an_operation()
    {
        var state = NewOrder();

        var decided = On(state, Cancellation("e-cancel", walmartReason: null, requestedReason: "changed_my_mind"), Now, ArrivalWait);

        var refused = decided.Published().Data.ShouldBeOfType<SyncFailedData>();
        refused.StatusDetails.ShouldBe("The cancellation reason 'changed_my_mind' is not one Walmart accepts.");
        refused.Operation.ShouldBe(SyncOperations.Cancellation);
        refused.ErrorSource.ShouldBe(ErrorSources.Commerce);
        refused.CausationId.ShouldBe("e-cancel");
        decided.SendsNothing();
        state.Operations.ShouldBeEmpty();
        state.OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public void A_failed_operation_puts_the_order_in_error_with_its_reason()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        var decided = On(state, Failure(ship, "Walmart refused the shipment."));

        state.OrderStatus.ShouldBe(OrderStatuses.Error);
        state.LastError.ShouldBe("Walmart refused the shipment.");
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.Failed);
        state.Operation(ship).Status.ShouldBe(OperationStatus.Failed);
        var failed = decided.Published().Data.ShouldBeOfType<SyncFailedData>();
        failed.StatusDetails.ShouldBe("Walmart refused the shipment.");
        failed.Operation.ShouldBe(SyncOperations.Shipment);
        decided.SendsNothing();
    }

    // ---- Copies and conflicts ----

    [Fact]
    public void A_copy_of_an_applied_event_changes_nothing_and_sends_nothing()
    {
        var state = NewOrder();
        var shipment = Shipment("s1", Ups);
        On(state, shipment, Now, ArrivalWait, TrackingChangeWindow);
        var before = state.ToJson();

        var decided = On(state, shipment, Now, ArrivalWait, TrackingChangeWindow);

        decided.StateChanged.ShouldBeFalse();
        decided.Decisions.ShouldHaveSingleItem().ShouldBeOfType<CopyIgnored>();
        state.ToJson().ShouldBe(before);
    }

    [Fact]
    public void A_copy_of_a_completion_changes_nothing_and_sends_nothing()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        var completion = Completed(ship, [new OperationLine("1", "MUG", 1, "UPS", "1Z1", null)], closed: false);
        On(state, completion);
        var before = state.ToJson();

        var decided = On(state, completion);

        decided.StateChanged.ShouldBeFalse();
        decided.Decisions.ShouldHaveSingleItem().ShouldBeOfType<CopyIgnored>();
        state.ToJson().ShouldBe(before);
    }

    [Fact]
    public void A_copy_of_a_failure_changes_nothing_and_sends_nothing()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        var failure = Failure(ship, "Walmart refused the shipment.");
        On(state, failure);
        var before = state.ToJson();

        var decided = On(state, failure);

        decided.StateChanged.ShouldBeFalse();
        decided.Decisions.ShouldHaveSingleItem().ShouldBeOfType<CopyIgnored>();
        state.ToJson().ShouldBe(before);
    }

    [Fact]
    public void After_a_resync_a_failure_counts_only_when_it_carries_more_attempts_than_the_last_one()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        var first = On(state, Failure(ship, "Walmart was unavailable.", attempts: 3)).Published();
        On(state, Resync()).Sent().OperationId.ShouldBe(ship.OperationId);

        // Another run of the first command failing the same way tells Commerce nothing new.
        var copy = On(state, Failure(ship, "Walmart was unavailable.", attempts: 3));
        copy.StateChanged.ShouldBeFalse();
        copy.Decisions.ShouldHaveSingleItem().ShouldBeOfType<CopyIgnored>();
        state.Operation(ship).Status.ShouldBe(OperationStatus.InFlight);

        var again = On(state, Failure(ship, "Walmart was unavailable.", attempts: 4));
        again.StateChanged.ShouldBeTrue();
        state.Operation(ship).Status.ShouldBe(OperationStatus.Failed);
        again.Published().Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public void An_event_under_an_applied_id_with_other_contents_is_refused_and_changes_nothing()
    {
        var state = NewOrder();
        On(state, Shipment("s1", Ups, Numbered("e-s1", 1, Now) with { ContentDigest = "digest-1" }), Now, ArrivalWait, TrackingChangeWindow);
        var before = state.ToJson();

        // The intake gives an id it read before the number it gave it then.
        var decided = On(state, Shipment("s1", Ups with { TrackNumber = "1Z9" }, Numbered("e-s1", 1, Now) with { ContentDigest = "digest-2" }), Now, ArrivalWait, TrackingChangeWindow);

        decided.StateChanged.ShouldBeFalse();
        decided.Decisions.ShouldHaveSingleItem().ShouldBeOfType<Refusal>().Reason.ShouldContain("e-s1");
        state.ToJson().ShouldBe(before);
    }

    [Fact]
    public void A_copy_under_an_applied_id_with_the_same_contents_is_only_a_copy()
    {
        var state = NewOrder();
        On(state, Shipment("s1", Ups, Context("e-s1") with { ContentDigest = "digest-1" }), Now, ArrivalWait, TrackingChangeWindow);

        var decided = On(state, Shipment("s1", Ups, Context("e-s1") with { ContentDigest = "digest-1" }), Now, ArrivalWait, TrackingChangeWindow);

        decided.Refusal.ShouldBeNull();
        decided.Decisions.ShouldHaveSingleItem().ShouldBeOfType<CopyIgnored>();
    }

    [Fact]
    public void An_order_takes_at_most_its_limit_of_events_and_refuses_the_next_unchanged()
    {
        var state = NewOrder();
        On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Refusal.ShouldBeNull();
        for (var track = 2; track <= MaxEventsPerOrder; track++)
        {
            On(state, Track("s1", Ups with { TrackNumber = $"1Z{track}" }, $"e-t{track}"), Now, ArrivalWait, TrackingChangeWindow).Refusal.ShouldBeNull();
        }

        var before = state.ToJson();

        var refused = On(state, Track("s1", Ups with { TrackNumber = "1Z-more" }, "e-more"), Now, ArrivalWait, TrackingChangeWindow);

        refused.StateChanged.ShouldBeFalse();
        refused.Refusal.ShouldNotBeNull().Reason.ShouldContain($"{MaxEventsPerOrder} Commerce events");
        state.ToJson().ShouldBe(before);
        On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Decisions.ShouldHaveSingleItem().ShouldBeOfType<CopyIgnored>();
    }

    // ---- Storage ----

    [Fact]
    public void The_state_of_an_order_reads_back_from_its_json_unchanged()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups, Context("e-s1") with { ContentDigest = "digest-1" }), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completed(ship, [new OperationLine("1", "MUG", 1, "UPS", "1Z1", null)], closed: false));
        On(state, Shipment("s2", track: null), Now, ArrivalWait, TrackingChangeWindow);
        On(state, Track("s3", Ups with { TrackId = "t3", TrackNumber = "1Z3" }, "e-track-1Z3"), Now, ArrivalWait, TrackingChangeWindow);
        var second = On(state, Shipment("s4", Ups with { TrackId = "t4", TrackNumber = "1Z4" }), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Failure(second, "Walmart refused the carrier.", attempts: 2));
        On(state, Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"), Now, ArrivalWait);
        On(state, Track("s2", Ups with { TrackId = "t2", TrackNumber = "1Z2" }, Numbered("e-track-1Z2", 7, Now)), Now, ArrivalWait, TrackingChangeWindow);
        state.HeldEvents.ShouldHaveSingleItem();
        state.Cancellation.ShouldNotBeNull().Status.ShouldBe(CancellationStatus.Queued);
        var json = state.ToJson();

        var restored = OrderSyncState.FromJson(json);

        restored.ToJson().ShouldBe(json);
        restored.HeldEvents.ShouldHaveSingleItem().Message().ShouldBeOfType<TrackReceived>().ShipmentId.ShouldBe("s2");
        restored.Operations.Select(o => (o.Kind, o.Status)).ShouldBe(state.Operations.Select(o => (o.Kind, o.Status)));
    }

    private static WalmartOperationCompleted Completed(ExecuteWalmartOperation command, IReadOnlyList<OperationLine> lines, bool closed) =>
        Completion(command, lines, [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, closed ? 1 : 0, 0)]);
}
