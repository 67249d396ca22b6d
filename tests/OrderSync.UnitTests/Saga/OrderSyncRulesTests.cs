using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Saga;

namespace OrderSync.UnitTests.Saga;

public sealed class OrderSyncRulesTests
{
    private static readonly ShipmentTrack Ups = new("t1", "ups", "UPS", "1Z1", null);

    [Fact]
    public void A_shipment_with_a_track_queues_a_ship_operation()
    {
        var state = new OrderSyncState();

        state.RecordShipment(Shipment("s1", Ups));

        state.Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.Queued);
        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
    }

    [Fact]
    public void A_shipment_without_a_track_waits_for_it_and_its_track_releases_it()
    {
        var state = new OrderSyncState();

        state.RecordShipment(Shipment("s1", track: null));
        state.Operations.ShouldBeEmpty();
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.WaitingForTrack);

        state.RecordTrack(Track("s1", Ups));
        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
        state.Shipments[0].Track.ShouldBe(Ups);
    }

    [Fact]
    public void A_track_before_its_shipment_is_kept_and_used_when_the_shipment_comes()
    {
        var state = new OrderSyncState();

        state.RecordTrack(Track("s1", Ups));
        state.Operations.ShouldBeEmpty();

        state.RecordShipment(Shipment("s1", track: null));
        state.PendingTracks.ShouldBeEmpty();
        state.Shipments[0].Track.ShouldBe(Ups);
        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
    }

    [Fact]
    public void A_changed_tracking_number_on_a_synced_shipment_becomes_a_tracking_update()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", Ups));
        var ship = state.StartNextOperation()!;
        state.ApplyCompletion(ship, Completed(ship, [new OperationLine("1", "MUG", 1, "UPS", "1Z1", null)], closed: false));

        state.RecordTrack(Track("s1", Ups with { TrackNumber = "1Z2" }));

        state.Operations.Last().Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        state.BuildCommand(state.StartNextOperation()!).Shipment!.Lines.ShouldBe(["1"]);
    }

    [Fact]
    public void Operations_run_one_at_a_time_in_the_order_they_were_asked()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", Ups));
        state.RecordShipment(Shipment("s2", Ups));

        var first = state.StartNextOperation()!;
        state.StartNextOperation().ShouldBeNull();
        state.ApplyCompletion(first, Completed(first, [], closed: false));

        state.StartNextOperation()!.ShipmentId.ShouldBe("s2");
    }

    [Fact]
    public void The_order_is_partially_shipped_until_every_line_is_shipped_or_cancelled()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", Ups));
        var ship = state.StartNextOperation()!;

        state.ApplyCompletion(ship, Completed(ship, [], closed: false));
        state.OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);

        state.ApplyCompletion(ship, Completed(ship, [], closed: true));
        state.OrderStatus.ShouldBe(OrderStatuses.Shipped);
    }

    [Fact]
    public void A_cancellation_without_a_reason_walmart_accepts_is_refused_without_an_operation()
    {
        var state = new OrderSyncState();

        var refusal = state.RecordCancellation(new CancellationRequested
        {
            CorrelationId = Guid.NewGuid(),
            Context = Context("e-cancel"),
            RequestedReason = "changed_my_mind",
        });

        refusal.ShouldBe("The cancellation reason 'changed_my_mind' is not one Walmart accepts.");
        state.Operations.ShouldBeEmpty();
        state.OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public void A_failed_operation_puts_the_order_in_error_with_its_reason()
    {
        var state = new OrderSyncState();
        state.RecordShipment(Shipment("s1", Ups));
        var ship = state.StartNextOperation()!;

        state.ApplyFailure(ship, "Walmart refused the shipment.");

        state.OrderStatus.ShouldBe(OrderStatuses.Error);
        state.LastError.ShouldBe("Walmart refused the shipment.");
        state.Shipments[0].Status.ShouldBe(ShipmentStatus.Failed);
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

    private static TrackReceived Track(string shipmentId, ShipmentTrack track) => new()
    {
        CorrelationId = Guid.NewGuid(),
        Context = Context($"e-track-{track.TrackNumber}"),
        ShipmentId = shipmentId,
        Track = track,
    };

    private static OrderEventContext Context(string eventId) => new(eventId, "type", DateTimeOffset.UnixEpoch, "walmart_us", "PO-1", "0001");

    private static WalmartOperationCompleted Completed(OperationRecord operation, IReadOnlyList<OperationLine> lines, bool closed) => new()
    {
        CorrelationId = Guid.Empty,
        OperationId = operation.OperationId,
        Lines = lines,
        Order = [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "TEE", 1, closed ? 1 : 0, 0)],
        CompletedAt = DateTimeOffset.UnixEpoch,
    };
}
