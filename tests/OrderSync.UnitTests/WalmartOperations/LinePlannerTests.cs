using OrderSync.Contracts.Events;
using OrderSync.Walmart;
using OrderSync.Worker.WalmartOperations;

namespace OrderSync.UnitTests.WalmartOperations;

public sealed class LinePlannerTests
{
    private static readonly WalmartOrder Order = new("PO-1", "C-1", "Standard",
    [
        Line("1", "MUG", "Acknowledged"),
        Line("2", "MUG", "Acknowledged"),
        Line("3", "MUG", "Shipped"),
        Line("4", "TEE", "Acknowledged"),
        Line("5", "CAP", "Cancelled"),
    ]);

    [Fact]
    public void A_quantity_of_several_units_spreads_over_open_lines_of_the_same_sku()
    {
        var plan = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 2), new ShipmentItem("i2", "TEE", 1)]);

        plan.Refusal.ShouldBeNull();
        plan.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity)).ShouldBe([("1", "MUG", 1), ("2", "MUG", 1), ("4", "TEE", 1)]);
    }

    [Fact]
    public void More_than_the_open_quantity_is_refused_with_the_numbers()
    {
        var plan = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 3)]);

        plan.Refusal.ShouldBe("The shipment has 3 of SKU MUG, but only 2 of it are left to ship on Walmart order PO-1.");
    }

    [Fact]
    public void A_shipment_leaves_the_lines_a_failed_shipment_of_the_order_settled_on()
    {
        var failedShipment = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 1)]).Lines;

        var plan = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 1)], failedShipment);

        failedShipment.Select(l => l.LineNumber).ShouldBe(["1"]);
        plan.Lines.Select(l => l.LineNumber).ShouldBe(["2"]);
    }

    [Fact]
    public void Units_held_by_a_failed_shipment_are_not_offered_and_the_refusal_says_where_they_are()
    {
        var failedShipment = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 1)]).Lines;

        var plan = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 2)], failedShipment);

        plan.Refusal.ShouldBe(
            "The shipment has 2 of SKU MUG, but only 1 of it is left to ship on Walmart order PO-1. 1 more is on lines held by an earlier shipment of the order that failed: resync the order once its cause is fixed.");
    }

    [Fact]
    public void Lines_a_failed_shipment_got_applied_before_it_failed_are_no_longer_held()
    {
        var failedShipment = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 1)]).Lines;
        var afterItsLostAnswer = Order with { Lines = [Line("1", "MUG", "Shipped"), .. Order.Lines.Skip(1)] };

        LinePlanner.PlanShipment(afterItsLostAnswer, [new ShipmentItem("i1", "MUG", 1)], failedShipment).Lines.Select(l => l.LineNumber).ShouldBe(["2"]);
    }

    [Fact]
    public void A_line_of_several_units_a_failed_shipment_settled_on_is_held_whole_so_its_own_retry_still_reads_it_right()
    {
        var order = new WalmartOrder("PO-2", null, "Standard",
        [
            new WalmartOrderLine("1", "MUG", 3, [new WalmartLineStatus("Acknowledged", 3)], null),
            new WalmartOrderLine("2", "MUG", 2, [new WalmartLineStatus("Acknowledged", 2)], null),
        ]);
        var failedShipment = LinePlanner.PlanShipment(order, [new ShipmentItem("i1", "MUG", 1)]).Lines;

        var plan = LinePlanner.PlanShipment(order, [new ShipmentItem("i1", "MUG", 2)], failedShipment).Lines.ShouldHaveSingleItem();

        failedShipment.ShouldHaveSingleItem().LineNumber.ShouldBe("1");
        (plan.LineNumber, plan.Quantity, plan.OpenBefore).ShouldBe(("2", 2, 2));
        LinePlanner.PlanShipment(order, [new ShipmentItem("i1", "MUG", 3)], failedShipment).Refusal.ShouldNotBeNull().ShouldContain("3 more are on lines held");
    }

    [Fact]
    public void A_sku_not_on_the_order_is_refused()
    {
        LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "LAMP", 1)]).Refusal.ShouldBe("SKU LAMP is not on Walmart order PO-1.");
    }

    [Fact]
    public void A_cancellation_takes_every_open_unit_and_leaves_shipped_and_cancelled_lines()
    {
        LinePlanner.PlanCancellation(Order, []).Lines.Select(l => l.LineNumber).ShouldBe(["1", "2", "4"]);
    }

    [Fact]
    public void Cancelling_an_order_with_nothing_open_is_refused()
    {
        var shipped = Order with { Lines = [Line("1", "MUG", "Shipped"), Line("2", "TEE", "Cancelled")] };

        LinePlanner.PlanCancellation(shipped, []).Refusal.ShouldBe("Every line of Walmart order PO-1 is already shipped or cancelled, so nothing is left to cancel.");
    }

    [Fact]
    public void A_cancellation_leaves_open_the_units_commerce_shipped_that_walmart_does_not_show_shipped_yet()
    {
        // Commerce shipped 2 MUG; Walmart shows 1 shipped (line 3): the other is on its way and keeps line 1, the first open one.
        var plan = LinePlanner.PlanCancellation(Order, [new ShippedQuantity("MUG", 2)]);

        plan.Lines.Select(l => (l.LineNumber, l.Quantity)).ShouldBe([("2", 1), ("4", 1)]);
    }

    [Fact]
    public void A_cancellation_keeps_part_of_a_line_of_several_units()
    {
        var order = new WalmartOrder("PO-2", null, "Standard", [new WalmartOrderLine("1", "MUG", 3, [new WalmartLineStatus("Acknowledged", 3)], null)]);

        LinePlanner.PlanCancellation(order, [new ShippedQuantity("MUG", 1)]).Lines.ShouldHaveSingleItem().Quantity.ShouldBe(2);
    }

    [Fact]
    public void A_cancellation_whose_open_units_are_all_shipped_in_commerce_is_refused_with_that_reason()
    {
        LinePlanner.PlanCancellation(Order, [new ShippedQuantity("MUG", 3), new ShippedQuantity("TEE", 1)]).Refusal
            .ShouldBe("Every open unit of Walmart order PO-1 is shipped in Commerce, its shipment still to reach Walmart, so nothing is left to cancel.");
    }

    [Fact]
    public void Lines_walmart_already_shows_shipped_are_not_shipped_again()
    {
        var plan = LinePlanner.PlanShipment(Order, [new ShipmentItem("i1", "MUG", 2)]).Lines;
        var afterLostAnswer = Order with { Lines = [Line("1", "MUG", "Shipped"), .. Order.Lines.Skip(1)] };

        LinePlanner.StillToApply(afterLostAnswer, plan).Select(l => l.LineNumber).ShouldBe(["2"]);
    }

    [Fact]
    public void A_line_of_several_units_counts_as_done_once_its_planned_units_are_shipped()
    {
        var order = new WalmartOrder("PO-2", null, "Standard", [new WalmartOrderLine("1", "MUG", 3, [new WalmartLineStatus("Acknowledged", 3)], null)]);
        var plan = LinePlanner.PlanShipment(order, [new ShipmentItem("i1", "MUG", 1)]).Lines;
        var afterShip = order with
        {
            Lines = [new WalmartOrderLine("1", "MUG", 3, [new WalmartLineStatus("Acknowledged", 2), new WalmartLineStatus("Shipped", 1)], "T1")],
        };

        LinePlanner.StillToApply(order, plan).ShouldHaveSingleItem();
        LinePlanner.StillToApply(afterShip, plan).ShouldBeEmpty();
    }

    private static WalmartOrderLine Line(string number, string sku, string status) =>
        new(number, sku, 1, [new WalmartLineStatus(status, 1)], status == "Shipped" ? "T0" : null);
}
