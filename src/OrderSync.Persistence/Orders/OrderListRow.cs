namespace OrderSync.Persistence.Orders;

/// <summary>One order as the operator's lists show it.</summary>
public sealed record OrderListRow
{
    public required string PurchaseOrderId { get; init; }
    public required string StoreCode { get; init; }
    public string? OrderIncrementId { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? LastError { get; init; }
}
