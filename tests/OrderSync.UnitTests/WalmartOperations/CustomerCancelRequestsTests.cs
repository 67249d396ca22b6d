using OrderSync.Walmart;
using OrderSync.Worker.WalmartOperations;

namespace OrderSync.UnitTests.WalmartOperations;

public sealed class CustomerCancelRequestsTests
{
    private static readonly WalmartOrder Order = new("PO-1", "C-1", "Standard",
    [
        new WalmartOrderLine("1", "MUG", 1, [new("Acknowledged", 1)], null) { IntentToCancel = true },
        new WalmartOrderLine("2", "MUG", 1, [new("Acknowledged", 1)], null),
    ]);

    [Fact]
    public void A_line_the_customer_asked_to_cancel_is_cancelled_with_the_customers_reason_whatever_commerce_chose()
    {
        CustomerCancelRequests.CancellationReasonFor(Order, "1", "SELLER_CANCEL_OUT_OF_STOCK").ShouldBe("CUSTOMER_REQUESTED_SELLER_TO_CANCEL");
    }

    [Fact]
    public void Another_line_of_the_same_order_keeps_commerces_reason()
    {
        CustomerCancelRequests.CancellationReasonFor(Order, "2", "SELLER_CANCEL_OUT_OF_STOCK").ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
    }

    [Fact]
    public void Only_the_marked_line_counts_as_requested()
    {
        CustomerCancelRequests.IsRequested(Order, "1").ShouldBeTrue();
        CustomerCancelRequests.IsRequested(Order, "2").ShouldBeFalse();
        CustomerCancelRequests.IsRequested(Order, "9").ShouldBeFalse();
    }
}
