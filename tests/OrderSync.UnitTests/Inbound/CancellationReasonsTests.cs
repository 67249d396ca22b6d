using OrderSync.Worker.Inbound;

namespace OrderSync.UnitTests.Inbound;

public sealed class CancellationReasonsTests
{
    [Theory]
    [InlineData("price_or_listing_error", "SELLER_CANCEL_PRICING_ERROR")]
    [InlineData("out_of_stock", "SELLER_CANCEL_OUT_OF_STOCK")]
    [InlineData("carrier_or_shipping_unavailable", "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE")]
    [InlineData("fraud_review_required", "SELLER_CANCEL_FRAUD_STOP_SHIPMENT")]
    [InlineData("customer_requested", "CUSTOMER_REQUESTED_SELLER_TO_CANCEL")]
    [InlineData("SELLER_CANCEL_OUT_OF_STOCK", "SELLER_CANCEL_OUT_OF_STOCK")]
    public void Channel_manager_reasons_and_walmart_codes_map_to_walmart_codes(string reason, string expected) =>
        CancellationReasons.ToWalmart(reason).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("changed_my_mind")]
    public void Missing_or_unknown_reasons_have_no_walmart_code(string? reason) =>
        CancellationReasons.ToWalmart(reason).ShouldBeNull();
}
