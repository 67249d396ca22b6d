namespace OrderSync.Walmart;

public sealed record WalmartOrder(
    string PurchaseOrderId,
    string? CustomerOrderId,
    string? MethodCode,
    IReadOnlyList<WalmartOrderLine> Lines);
