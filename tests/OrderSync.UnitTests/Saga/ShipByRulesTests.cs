using System.Text.Json.Nodes;
using OrderSync.Contracts.Events;
using OrderSync.Domain.State;
using static OrderSync.Domain.OrderSyncRules;
using static OrderSync.UnitTests.Saga.OrderSyncMessages;

namespace OrderSync.UnitTests.Saga;

/// <summary>The order keeps Walmart's ship-by date as its operations read it, and says whether work is left for Walmart to cancel.</summary>
public sealed class ShipByRulesTests
{
    private static readonly ShipmentTrack Ups = new("t1", "ups", "UPS", "1Z1", null);

    private static readonly OperationLine ShippedLine = new("1", "MUG", 1, "UPS", "1Z1", null);

    private static readonly DateTimeOffset ShipBy = new(2025, 6, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_completion_keeps_the_ship_by_date_walmart_showed()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Completion(ship, [ShippedLine], [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "CUP", 1, 0, 0)]) with { ShipBy = ShipBy });

        state.ShipBy.ShouldBe(ShipBy);
        state.HasOpenWork.ShouldBeTrue();
    }

    [Fact]
    public void A_failure_after_walmart_showed_the_order_keeps_its_ship_by_date_and_the_shipment_is_work_left()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Failure(ship, "SKU CUP is not on the order.") with { ShipBy = ShipBy });

        state.ShipBy.ShouldBe(ShipBy);
        state.HasOpenWork.ShouldBeTrue();
    }

    [Fact]
    public void An_outcome_without_a_ship_by_date_keeps_the_one_known_and_a_later_one_replaces_it()
    {
        var state = NewOrder();
        var ship1 = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Shipment("s2", Ups with { TrackId = "t2", TrackNumber = "1Z2" }), Now, ArrivalWait, TrackingChangeWindow);
        var ship2 = On(state, Completion(ship1, [ShippedLine], [new OrderLineState("1", "MUG", 1, 1, 0)]) with { ShipBy = ShipBy }).Sent();

        On(state, Failure(ship2, "Walmart refused the shipment."));
        state.ShipBy.ShouldBe(ShipBy);

        On(state, Resync());
        On(state, Completion(ship2, [ShippedLine with { LineNumber = "2" }], [new OrderLineState("1", "MUG", 1, 1, 0)]) with { ShipBy = ShipBy.AddDays(1) });
        state.ShipBy.ShouldBe(ShipBy.AddDays(1));
    }

    [Fact]
    public void An_order_whose_shipments_walmart_accepted_and_whose_lines_are_all_closed_has_no_work_left()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();

        On(state, Completion(ship, [ShippedLine], [new OrderLineState("1", "MUG", 1, 1, 0), new OrderLineState("2", "CUP", 1, 0, 1)]) with { ShipBy = ShipBy });

        state.HasOpenWork.ShouldBeFalse();
    }

    [Fact]
    public void A_shipment_waiting_for_its_track_is_work_left()
    {
        var state = NewOrder();

        On(state, Shipment("s1", track: null), Now, ArrivalWait, TrackingChangeWindow);

        state.HasOpenWork.ShouldBeTrue();
    }

    [Fact]
    public void A_state_saved_before_ship_by_was_kept_loads_without_one_and_its_json_keeps_one_set()
    {
        var state = NewOrder();
        var ship = On(state, Shipment("s1", Ups), Now, ArrivalWait, TrackingChangeWindow).Sent();
        On(state, Completion(ship, [ShippedLine], [new OrderLineState("1", "MUG", 1, 1, 0)]) with { ShipBy = ShipBy });
        var stored = JsonNode.Parse(state.ToJson())!.AsObject();
        stored.Remove(nameof(OrderSyncState.ShipBy)).ShouldBeTrue();
        stored.Remove(nameof(OrderSyncState.HasOpenWork)).ShouldBeTrue();

        OrderSyncState.FromJson(stored.ToJsonString()).ShipBy.ShouldBeNull();
        OrderSyncState.FromJson(state.ToJson()).ShipBy.ShouldBe(ShipBy);
    }
}
