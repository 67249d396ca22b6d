using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Reconciliation;

namespace OrderSync.UnitTests.Reconciliation;

public sealed class WalmartChangeDetectorTests
{
    private static readonly OrderLineState OpenMug = new("1", "MUG", 2, 0, 0);

    [Fact]
    public void Units_cancelled_on_walmart_are_a_cancellation_with_walmarts_reason()
    {
        var changes = WalmartChangeDetector.Compare([OpenMug], [OpenMug with { Cancelled = 2, CancellationReason = "SELLER_CANCEL_SHIP_BY_DATE_PASSED" }]);

        var change = changes.ShouldHaveSingleItem();
        change.ShouldBe(new ChangedLine("1", "MUG", 2, "Cancelled", WalmartChanges.Cancelled) { CancellationReason = "SELLER_CANCEL_SHIP_BY_DATE_PASSED" });
    }

    [Fact]
    public void Only_the_units_closed_since_count()
    {
        var known = OpenMug with { Shipped = 1, TrackingNumber = "1Z1", Carrier = "UPS" };

        var changes = WalmartChangeDetector.Compare([known], [known with { Cancelled = 1 }]);

        changes.ShouldHaveSingleItem().Quantity.ShouldBe(1);
        changes[0].Change.ShouldBe(WalmartChanges.Cancelled);
    }

    [Fact]
    public void Units_shipped_on_walmart_carry_the_tracking_walmart_holds()
    {
        var changes = WalmartChangeDetector.Compare([OpenMug], [OpenMug with { Shipped = 2, Carrier = "FedEx", TrackingNumber = "7489" }]);

        changes.ShouldHaveSingleItem().ShouldBe(new ChangedLine("1", "MUG", 2, "Shipped", WalmartChanges.Shipped) { Carrier = "FedEx", TrackingNumber = "7489" });
    }

    [Fact]
    public void Another_tracking_number_on_shipped_units_is_a_tracking_change_but_the_same_number_spaced_otherwise_is_not()
    {
        var shipped = OpenMug with { Shipped = 2, Carrier = "UPS", TrackingNumber = "1Z 999 AA1" };

        WalmartChangeDetector.Compare([shipped], [shipped with { TrackingNumber = "1z999aa1" }]).ShouldBeEmpty();
        var change = WalmartChangeDetector.Compare([shipped], [shipped with { Carrier = "FedEx", TrackingNumber = "7489" }]).ShouldHaveSingleItem();
        change.Change.ShouldBe(WalmartChanges.TrackingChanged);
        change.TrackingNumber.ShouldBe("7489");
        change.Quantity.ShouldBe(2);
    }

    [Fact]
    public void A_tracking_number_the_order_never_knew_is_no_change()
    {
        // States saved before lines kept their tracking: the first look only learns it.
        var shippedBefore = OpenMug with { Shipped = 2 };

        WalmartChangeDetector.Compare([shippedBefore], [shippedBefore with { TrackingNumber = "1Z1" }]).ShouldBeEmpty();
    }

    [Fact]
    public void Lines_the_order_has_not_seen_count_from_nothing_and_unchanged_lines_report_nothing()
    {
        var second = new OrderLineState("2", "TEE", 1, 0, 1) { CancellationReason = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL" };

        var changes = WalmartChangeDetector.Compare([], [OpenMug, second]);

        changes.ShouldHaveSingleItem().LineNumber.ShouldBe("2");
        WalmartChangeDetector.Compare([OpenMug, second], [OpenMug, second]).ShouldBeEmpty();
    }
}
