using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using static OrderSync.Domain.OrderSyncRules;
using static OrderSync.UnitTests.Saga.OrderSyncMessages;

namespace OrderSync.UnitTests.Saga;

/// <summary>What the saga store keeps beside each order for the operator's views: its status and its oldest event owed to Walmart.</summary>
public sealed class OperatorViewStateTests
{
    private static readonly ShipmentTrack Ups = new("t1", "ups", "UPS", "1Z1", null);
    private static readonly DateTimeOffset SentAt = new(2025, 6, 2, 11, 58, 0, TimeSpan.Zero);

    [Fact]
    public void An_order_is_pending_and_owes_nothing_before_any_event()
    {
        var state = NewOrder();

        state.SyncStatus.ShouldBe(OrderStatuses.Pending);
        state.UnsyncedSince.ShouldBeNull();
    }

    [Fact]
    public void A_shipment_sent_to_walmart_is_owed_since_commerce_sent_it_and_pending_until_it_is_answered()
    {
        var state = NewOrder();

        On(state, Shipment("s1", Ups, Context("e-s1") with { EventTime = SentAt }), Now, ArrivalWait, TrackingChangeWindow);

        state.SyncStatus.ShouldBe(OrderStatuses.Pending);
        state.UnsyncedSince.ShouldBe(SentAt);
    }

    [Fact]
    public void A_failed_operation_is_no_longer_owed_and_the_order_is_in_error()
    {
        var state = NewOrder();
        var command = On(state, Shipment("s1", Ups, Context("e-s1") with { EventTime = SentAt }), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Failure(command, "Walmart does not know the order"));

        state.SyncStatus.ShouldBe(OrderStatuses.Error);
        state.UnsyncedSince.ShouldBeNull();
    }

    [Fact]
    public void A_shipment_waiting_for_its_track_waits_for_commerce_not_for_the_worker()
    {
        var state = NewOrder();

        On(state, Shipment("s1", track: null), Now, ArrivalWait, TrackingChangeWindow);

        state.SyncStatus.ShouldBe(OrderStatuses.Pending);
        state.UnsyncedSince.ShouldBeNull();
    }
}
