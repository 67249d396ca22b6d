namespace OrderSync.Walmart;

public sealed record WalmartOrder(
    string PurchaseOrderId,
    string? CustomerOrderId,
    string? MethodCode,
    IReadOnlyList<WalmartOrderLine> Lines)
{
    /// <summary>Walmart's ship-by date (shippingInfo.estimatedShipDate); Walmart cancels lines still unshipped some days after it.</summary>
    public DateTimeOffset? ShipBy { get; init; }
}
