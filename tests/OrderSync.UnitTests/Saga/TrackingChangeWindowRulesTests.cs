using System.Text.Json.Nodes;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.State;
using static OrderSync.Domain.OrderSyncRules;
using static OrderSync.UnitTests.Saga.OrderSyncMessages;

namespace OrderSync.UnitTests.Saga;

/// <summary>Walmart takes a tracking change only within a window after the shipment's first shipping update.</summary>
public sealed class TrackingChangeWindowRulesTests
{
    private static readonly ShipmentTrack Ups = new("t1", "ups", "UPS", "1Z1", null);

    private static readonly OperationLine ShippedLine = new("1", "MUG", 1, "UPS", "1Z1", null);

    [Fact]
    public void A_changed_track_within_the_window_is_sent_as_a_tracking_update()
    {
        var state = ShippedOnWalmartAt(Now);

        var decided = On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), Now + TrackingChangeWindow, ArrivalWait, TrackingChangeWindow);

        decided.Sent().Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        decided.Decisions.OfType<Domain.Decisions.PublishResult>().ShouldBeEmpty();
        state.OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);
    }

    [Fact]
    public void A_changed_track_after_the_window_is_refused_at_once_without_a_walmart_operation()
    {
        var state = ShippedOnWalmartAt(Now);

        var decided = On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), Now + TrackingChangeWindow + TimeSpan.FromSeconds(1), ArrivalWait, TrackingChangeWindow);

        decided.SendsNothing();
        state.Operations.ShouldHaveSingleItem().Kind.ShouldBe(WalmartOperationKind.Ship);
        var result = decided.Published();
        result.Type.ShouldBe(SyncResultTypes.SyncFailed);
        var failed = result.Data.ShouldBeOfType<SyncFailedData>();
        failed.Operation.ShouldBe(SyncOperations.TrackingUpdate);
        failed.ErrorSource.ShouldBe(ErrorSources.Commerce);
        failed.Attempts.ShouldBe(0);
        failed.CausationId.ShouldBe("e-1Z2");
        failed.OrderStatus.ShouldBe(OrderStatuses.Error);
        failed.StatusDetails.ShouldContain("Walmart accepts tracking changes for 4 hours after shipping; change it in Seller Center");
        failed.StatusDetails.ShouldContain("shipment s1");
        (state.OrderStatus, state.LastError).ShouldBe((OrderStatuses.Error, failed.StatusDetails));

        // Walmart still holds the number it accepted.
        state.Shipments.Single().SentTrackingNumber.ShouldBe("1Z1");
    }

    [Fact]
    public void The_refused_track_saved_again_is_no_new_change_and_is_not_refused_again()
    {
        var state = ShippedOnWalmartAt(Now);
        var late = Now + TrackingChangeWindow + TimeSpan.FromMinutes(1);
        On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), late, ArrivalWait, TrackingChangeWindow).Published();

        var again = On(state, Track("s1", Ups with { TrackId = "t2", TrackNumber = "1Z2" }, "e-1Z2-again"), late, ArrivalWait, TrackingChangeWindow);

        again.Decisions.ShouldBeEmpty();
        state.Operations.ShouldHaveSingleItem();
    }

    [Fact]
    public void The_reason_names_the_configured_window()
    {
        var window = TimeSpan.FromMinutes(30);
        var state = ShippedOnWalmartAt(Now);

        var decided = On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), Now + TimeSpan.FromMinutes(31), ArrivalWait, window);

        decided.Published().Data.ShouldBeOfType<SyncFailedData>().StatusDetails.ShouldContain("for 30 minutes after shipping");
    }

    [Fact]
    public void The_window_counts_from_the_first_shipping_update_not_from_a_tracking_update()
    {
        var state = ShippedOnWalmartAt(Now);
        var oneHourLater = Now + TimeSpan.FromHours(1);
        var update = On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), oneHourLater, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completion(update, [ShippedLine with { TrackingNumber = "1Z2" }], [new OrderLineState("1", "MUG", 1, 1, 0)]) with { CompletedAt = oneHourLater });

        var decided = On(state, Track("s1", Ups with { TrackNumber = "1Z3" }, "e-1Z3"), Now + TimeSpan.FromHours(4.5), ArrivalWait, TrackingChangeWindow);

        decided.SendsNothing();
        decided.Published().Data.ShouldBeOfType<SyncFailedData>().Operation.ShouldBe(SyncOperations.TrackingUpdate);
    }

    [Fact]
    public void A_shipment_synced_before_its_shipping_time_was_kept_sends_its_change_and_walmart_decides()
    {
        var synced = ShippedOnWalmartAt(Now).ToJson();
        var stored = JsonNode.Parse(synced)!;
        stored["Shipments"]![0]!.AsObject().Remove(nameof(ShipmentRecord.ShippedOnWalmartAt)).ShouldBeTrue();
        var state = OrderSyncState.FromJson(stored.ToJsonString());
        state.Shipments.Single().ShippedOnWalmartAt.ShouldBeNull();

        var decided = On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), Now + TimeSpan.FromDays(2), ArrivalWait, TrackingChangeWindow);

        decided.Sent().Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
    }

    [Fact]
    public void A_tracking_update_queued_within_the_window_is_sent_when_its_turn_comes_after_it()
    {
        // Shipment s2's ship is in flight when s1's track changes, so s1's update waits its turn past the window.
        var state = ShippedOnWalmartAt(Now);
        var ship2 = On(state, Shipment("s2", Ups with { TrackId = "t2", TrackNumber = "1Z9" }), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Track("s1", Ups with { TrackNumber = "1Z2" }, "e-1Z2"), Now + TimeSpan.FromHours(3), ArrivalWait, TrackingChangeWindow).SendsNothing();

        var completed = Completion(ship2, [ShippedLine with { LineNumber = "2", TrackingNumber = "1Z9" }], [new OrderLineState("1", "MUG", 1, 1, 0)]);

        var decided = On(state, completed with { CompletedAt = Now + TimeSpan.FromHours(5) });

        var update = decided.Sent();
        update.Kind.ShouldBe(WalmartOperationKind.UpdateTracking);
        update.Shipment!.Track.TrackNumber.ShouldBe("1Z2");
    }

    /// <summary>An order whose shipment s1 Walmart accepted as shipped at <paramref name="completedAt"/>, with tracking number 1Z1.</summary>
    private static OrderSyncState ShippedOnWalmartAt(DateTimeOffset completedAt)
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), completedAt, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completion(ship, [ShippedLine], [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "MUG", 1, 0, 0)]) with { CompletedAt = completedAt });
        state.Shipments.Single().ShippedOnWalmartAt.ShouldBe(completedAt);
        return state;
    }
}
