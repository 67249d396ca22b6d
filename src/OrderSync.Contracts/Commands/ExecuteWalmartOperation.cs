namespace OrderSync.Contracts.Commands;

/// <summary>One Walmart call the saga wants made: ship lines, update their tracking, or cancel them.</summary>
/// <remarks>The operation id is the idempotency key of the call: a repeated command never repeats a change on Walmart.</remarks>
public sealed record ExecuteWalmartOperation
{
    public required Guid OperationId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required WalmartOperationKind Kind { get; init; }
    public required string StoreCode { get; init; }
    public required string PurchaseOrderId { get; init; }
    public required string OrderIncrementId { get; init; }
    public required string CausationId { get; init; }
    public ShipmentInstruction? Shipment { get; init; }
    public CancellationInstruction? Cancellation { get; init; }
}
