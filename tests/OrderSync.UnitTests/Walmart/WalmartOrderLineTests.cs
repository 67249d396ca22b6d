using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartOrderLineTests
{
    [Fact]
    public void Delivered_counts_as_shipped_and_refund_does_not_reopen()
    {
        var line = new WalmartOrderLine("1", "WM-MUG-BLU", 4,
            [new("Delivered", 1), new("Shipped", 1), new("Refund", 1), new("Acknowledged", 1)], "1Z");

        line.ShippedQuantity.ShouldBe(2);
        line.CancelledQuantity.ShouldBe(0);
        line.OpenQuantity.ShouldBe(1);
    }

    [Fact]
    public void Cancelled_units_are_not_open()
    {
        var line = new WalmartOrderLine("1", "WM-MUG-BLU", 3, [new("Cancelled", 2), new("Created", 1)], null);

        line.CancelledQuantity.ShouldBe(2);
        line.OpenQuantity.ShouldBe(1);
    }
}
