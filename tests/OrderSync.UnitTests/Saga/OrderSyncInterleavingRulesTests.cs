using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Saga;

namespace OrderSync.UnitTests.Saga;

/// <summary>The rules where events of one order meet an operation in flight, a failure, or each other.</summary>
public sealed class OrderSyncInterleavingRulesTests
{
    private static readonly ShipmentTrack First = new("t1", "ups", "UPS", "1Z1", null);
    private static readonly ShipmentTrack Second = new("t2", "ups", "UPS", "1Z2", null);

    [Fact]
    public void A_track_for_a_ship_in_flight_becomes_a_tracking_update_when_the_ship_completes_with_the_old_number()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;

        state.RecordTrack(Track("s1", Second, "e-track"));
        state.StartNextOperation().ShouldBeNull();
        state.ApplyCompletion(ship, Completed(ship, "1Z1"));

        var update = state.StartNextOperation().ShouldNotBeNull();
        update.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        update.CausationId.ShouldBe("e-track");
        state.BuildCommand(update).Shipment!.Track.ShouldBe(Second);
    }

    [Fact]
    public void A_track_for_a_ship_in_flight_needs_no_update_when_the_ship_went_out_with_it()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.RecordTrack(Track("s1", Second, "e-track"));

        // A copy of the command, sent again for a redelivered event, carried the newer track and was the one that ran.
        state.ApplyCompletion(ship, Completed(ship, "1Z2"));

        state.StartNextOperation().ShouldBeNull();
        state.Shipments[0].SentTrackingNumber.ShouldBe("1Z2");
    }

    [Fact]
    public void A_failed_tracking_update_leaves_the_shipment_shipped_and_a_new_track_updates_it_again()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.ApplyCompletion(ship, Completed(ship, "1Z1"));
        state.RecordTrack(Track("s1", Second, "e-2"));
        var update = state.StartNextOperation()!;

        state.ApplyFailure(update, "Walmart refused the tracking number.");
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.Synced);
        state.RecordTrack(Track("s1", First with { TrackNumber = "1Z3" }, "e-3"));

        state.Operations.Where(o => o.Kind == WalmartOperationKind.Ship).ShouldHaveSingleItem();
        state.StartNextOperation()!.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
    }

    [Fact]
    public void A_resync_of_a_failed_tracking_update_leaves_the_shipment_shipped()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.ApplyCompletion(ship, Completed(ship, "1Z1"));
        state.RecordTrack(Track("s1", Second, "e-2"));
        state.ApplyFailure(state.StartNextOperation()!, "Walmart was unavailable.");

        state.RequeueFailedOperations().ShouldBe(1);

        state.Shipments[0].Status.ShouldBe(ShipmentStatus.Synced);
        state.StartNextOperation()!.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
    }

    [Fact]
    public void A_failed_ship_runs_again_under_its_own_operation_when_its_track_changes()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.ApplyFailure(ship, "Walmart refused the carrier.");

        state.RecordTrack(Track("s1", First, "e-same"));
        state.StartNextOperation().ShouldBeNull();
        state.RecordTrack(Track("s1", Second, "e-new"));

        var retry = state.StartNextOperation().ShouldNotBeNull();
        retry.OperationId.ShouldBe(ship.OperationId);
        retry.CausationId.ShouldBe("e-new");
        state.Operations.ShouldHaveSingleItem();
        state.BuildCommand(retry).Shipment!.Track.ShouldBe(Second);
    }

    [Fact]
    public void A_failed_ship_runs_again_when_the_track_gets_the_url_its_refusal_asked_for()
    {
        var unknownCarrier = new ShipmentTrack("t1", "pigeonpost", "Pigeon Post", "PP-1", null);
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", unknownCarrier));
        var ship = state.StartNextOperation()!;
        state.ApplyFailure(ship, "Walmart needs a tracking URL for carrier Pigeon Post.");

        state.RecordTrack(Track("s1", unknownCarrier with { TrackId = "t1-resaved" }, "e-resaved"));
        state.StartNextOperation().ShouldBeNull();
        state.RecordTrack(Track("s1", unknownCarrier with { TrackUrl = "https://pigeon.example/PP-1" }, "e-url"));

        var retry = state.StartNextOperation().ShouldNotBeNull();
        retry.OperationId.ShouldBe(ship.OperationId);
        state.BuildCommand(retry).Shipment!.Track.TrackUrl.ShouldBe("https://pigeon.example/PP-1");
    }

    [Fact]
    public void A_ship_that_fails_after_another_track_was_saved_while_it_ran_runs_again_with_that_track()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.RecordTrack(Track("s1", Second, "e-new"));

        state.ApplyFailure(ship, "Walmart refused the tracking number.");
        state.RetryWithTrackSavedMeanwhile(ship).ShouldBeTrue();

        var retry = state.StartNextOperation().ShouldNotBeNull();
        retry.OperationId.ShouldBe(ship.OperationId);
        retry.CausationId.ShouldBe("e-new");
        state.BuildCommand(retry).Shipment!.Track.ShouldBe(Second);
    }

    [Fact]
    public void A_ship_that_fails_with_the_track_it_was_sent_with_stays_failed()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.RecordTrack(Track("s1", First with { TrackId = "t1-resaved" }, "e-resaved"));

        state.ApplyFailure(ship, "Walmart refused the tracking number.");

        state.RetryWithTrackSavedMeanwhile(ship).ShouldBeFalse();
        state.StartNextOperation().ShouldBeNull();
        state.OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public void A_ship_queued_while_a_cancellation_waits_its_turn_goes_before_it()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        state.StartNextOperation();
        state.RecordCancellation(Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK")).ShouldBeNull();

        state.RecordShipment(Shipment("s2", Second));

        state.Operations.Select(o => (o.Kind, o.ShipmentId)).ShouldBe(
            [(WalmartOperationKind.Ship, "s1"), (WalmartOperationKind.Ship, "s2"), (WalmartOperationKind.Cancel, null)]);
    }

    [Fact]
    public void A_cancellation_does_not_start_while_a_shipment_waits_for_its_track()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", track: null));
        state.RecordCancellation(Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK")).ShouldBeNull();

        state.StartNextOperation().ShouldBeNull();
        state.RecordTrack(Track("s1", First, "e-track"));

        state.StartNextOperation()!.Kind.ShouldBe(WalmartOperationKind.Ship);
    }

    [Fact]
    public void A_cancellation_queued_or_done_makes_a_second_one_change_nothing()
    {
        var state = new OrderSyncState();
        state.RecordCancellation(Cancellation("e-1", "SELLER_CANCEL_OUT_OF_STOCK")).ShouldBeNull();

        state.RecordCancellation(Cancellation("e-2", "CUSTOMER_REQUESTED_SELLER_TO_CANCEL")).ShouldBeNull();

        state.Operations.ShouldHaveSingleItem();
        state.Cancellation!.EventId.ShouldBe("e-1");
        state.BuildCommand(state.StartNextOperation()!).Cancellation!.WalmartReason.ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
    }

    [Fact]
    public void A_cancellation_of_an_order_whose_lines_the_saga_saw_all_shipped_is_refused()
    {
        var state = new OrderSyncState { PurchaseOrderId = "PO-1" };
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.ApplyCompletion(ship, Completed(ship, "1Z1", [new OrderLineState("1", "MUG", 1, 1, 0)]));

        var refusal = state.RecordCancellation(Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"));

        refusal.ShouldBe("Walmart order PO-1 is already fully shipped, so there is nothing left to cancel.");
        state.Operations.ShouldHaveSingleItem();
        state.OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public void A_cancellation_of_an_order_whose_lines_are_shipped_or_cancelled_is_refused()
    {
        var state = new OrderSyncState { PurchaseOrderId = "PO-1" };
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.ApplyCompletion(ship, Completed(ship, "1Z1", [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 1)]));

        state.RecordCancellation(Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"))
            .ShouldBe("Every line of Walmart order PO-1 is already shipped or cancelled, so there is nothing left to cancel.");
    }

    [Fact]
    public void After_the_cancellation_went_through_a_later_success_still_reports_canceled()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", First));
        var ship = state.StartNextOperation()!;
        state.ApplyCompletion(ship, Completed(ship, "1Z1"));
        state.RecordCancellation(Cancellation("e-cancel", "SELLER_CANCEL_OUT_OF_STOCK"));
        var cancel = state.StartNextOperation()!;
        state.ApplyCompletion(cancel, Completed(cancel, null, [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 1)]));

        state.RecordTrack(Track("s1", Second, "e-2"));
        var update = state.StartNextOperation()!;
        state.ApplyCompletion(update, Completed(update, "1Z2", [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 1)]));

        state.OrderStatus.ShouldBe(OrderStatuses.Canceled);
        state.SyncedStatus().ShouldBe(OrderStatuses.Canceled);
    }

    private static ShipmentReceived Shipment(string id, ShipmentTrack? track) => new()
    {
        CorrelationId = Guid.NewGuid(),
        Context = Context($"e-{id}"),
        ShipmentId = id,
        ShipmentIncrementId = id,
        ShippedAt = DateTimeOffset.UnixEpoch,
        Items = [new ShipmentItem("i1", "MUG", 1)],
        Tracks = track is null ? [] : [track],
    };

    private static TrackReceived Track(string shipmentId, ShipmentTrack track, string eventId) => new()
    {
        CorrelationId = Guid.NewGuid(),
        Context = Context(eventId),
        ShipmentId = shipmentId,
        Track = track,
    };

    private static CancellationRequested Cancellation(string eventId, string walmartReason) => new()
    {
        CorrelationId = Guid.NewGuid(),
        Context = Context(eventId),
        RequestedReason = "out_of_stock",
        WalmartReason = walmartReason,
    };

    private static OrderEventContext Context(string eventId) => new(eventId, "type", DateTimeOffset.UnixEpoch, "walmart_us", "PO-1", "0001");

    private static WalmartOperationCompleted Completed(OperationRecord operation, string? trackingNumber, IReadOnlyList<OrderLineState>? order = null) => new()
    {
        CorrelationId = Guid.Empty,
        OperationId = operation.OperationId,
        Lines = trackingNumber is null
            ? [new OperationLine("2", "TEE", 1, null, null, "SELLER_CANCEL_OUT_OF_STOCK")]
            : [new OperationLine("1", "MUG", 1, "UPS", trackingNumber, null)],
        Order = order ?? [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, 0, 0)],
        CompletedAt = DateTimeOffset.UnixEpoch,
    };
}
