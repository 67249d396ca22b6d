namespace OrderSync.Contracts.Events;

/// <summary>An operator asked to retry the failed operations of an order, once the cause is fixed.</summary>
public sealed record ResyncRequested
{
    public required Guid CorrelationId { get; init; }
    public required string PurchaseOrderId { get; init; }
    public required string StoreCode { get; init; }
    public string? RequestedBy { get; init; }
}
