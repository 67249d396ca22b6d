using OrderSync.Walmart.Sandbox.Gateway;
using OrderSync.Walmart.Sandbox.Orders;

namespace OrderSync.UnitTests.Sandbox;

/// <summary>Walmart takes a tracking correction (PARTIAL_UPDATE) only within its window after the line's first shipping update.</summary>
public sealed class SandboxTrackingWindowTests
{
    private static readonly DateTimeOffset ShippedAt = new(2026, 3, 14, 17, 2, 10, TimeSpan.Zero);

    private static readonly TimeSpan Window = TimeSpan.FromHours(4);

    [Fact]
    public void Shipping_a_line_records_its_first_shipping_update_and_a_later_ship_of_its_other_units_keeps_it()
    {
        var order = Order(quantity: 2);

        SandboxOrderRules.Ship(order, Ship("1Z1", quantity: 1), requireAcknowledge: false, Window, ShippedAt).ShouldBeEmpty();
        SandboxOrderRules.Ship(order, Ship("1Z2", quantity: 1), requireAcknowledge: false, Window, ShippedAt.AddHours(1)).ShouldBeEmpty();

        order.Lines[0].FirstShippedAt.ShouldBe(ShippedAt);
    }

    [Fact]
    public void A_tracking_correction_within_the_window_is_applied()
    {
        var order = Shipped();

        var errors = SandboxOrderRules.Ship(order, Correct("1Z2"), requireAcknowledge: false, Window, ShippedAt + Window);

        errors.ShouldBeEmpty();
        order.Lines[0].HasTrackingNumber("1Z2").ShouldBeTrue();
    }

    [Fact]
    public void A_tracking_correction_after_the_window_is_refused_as_walmart_refuses_it()
    {
        var order = Shipped();

        var errors = SandboxOrderRules.Ship(order, Correct("1Z2"), requireAcknowledge: false, Window, ShippedAt + Window + TimeSpan.FromSeconds(1));

        var error = errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(WalmartErrorBody.InvalidRequestContent);
        error.Field.ShouldBe("processMode");
        error.Description.ShouldBe("Tracking of order line 1 can be updated only within 4 hours of its first shipping update; update it in Seller Center");
        order.Lines[0].HasTrackingNumber("1Z1").ShouldBeTrue();
    }

    private static SandboxOrder Shipped()
    {
        var order = Order(quantity: 1);
        SandboxOrderRules.Ship(order, Ship("1Z1", quantity: 1), requireAcknowledge: false, Window, ShippedAt).ShouldBeEmpty();
        return order;
    }

    private static SandboxOrder Order(int quantity) => new()
    {
        Seller = "walmart_us",
        PurchaseOrderId = "108829735420014",
        CustomerOrderId = "5281934702187",
        MethodCode = "Standard",
        OrderDate = ShippedAt.AddDays(-1),
        Lines =
        [
            new SandboxOrderLine
            {
                LineNumber = "1", Sku = "WM-MUG-BLU", ProductName = "Blue Ceramic Mug", Quantity = quantity, StatusDate = ShippedAt.AddDays(-1),
                Statuses = [new SandboxLineStatus(LineStatuses.Acknowledged, quantity)],
            },
        ],
    };

    private static ShipmentRequest Ship(string trackingNumber, int quantity) => new(IsPartialUpdate: false, [Line(trackingNumber, quantity)]);

    private static ShipmentRequest Correct(string trackingNumber) => new(IsPartialUpdate: true, [Line(trackingNumber, quantity: 1)]);

    private static ShipmentLineInstruction Line(string trackingNumber, int quantity) =>
        new("1", quantity, new SandboxTracking(ShippedAt.ToUnixTimeMilliseconds(), "UPS", null, "Standard", trackingNumber, null), CurrentTrackingNumber: null);
}
