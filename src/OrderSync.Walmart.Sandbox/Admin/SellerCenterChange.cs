namespace OrderSync.Walmart.Sandbox.Admin;

/// <summary>
/// A change made on Walmart's side, not through the API: Walmart or the customer cancels units, or the seller ships them or
/// corrects their tracking in Seller Center. Quantity defaults to every open unit (every shipped unit for tracking).
/// </summary>
public sealed record SellerCenterChange(
    int? Quantity, string? Reason, string? Carrier, string? OtherCarrier, string? TrackingNumber, string? TrackingUrl, string? MethodCode);
