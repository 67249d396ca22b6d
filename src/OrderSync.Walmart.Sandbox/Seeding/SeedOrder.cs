namespace OrderSync.Walmart.Sandbox.Seeding;

/// <param name="Seller">The Sandbox:Sellers name the order belongs to.</param>
public sealed record SeedOrder(
    string? Seller,
    string? PurchaseOrderId,
    string? CustomerOrderId,
    string? MethodCode,
    DateTimeOffset? OrderDate,
    IReadOnlyList<SeedLine>? Lines)
{
    /// <summary>Walmart's ship-by date; by default a day after the order date.</summary>
    public DateTimeOffset? EstimatedShipDate { get; init; }
}
