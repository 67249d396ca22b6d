namespace OrderSync.Contracts.Events;

/// <summary>A Commerce order that moved to the canceled state.</summary>
/// <remarks><see cref="WalmartReason"/> is null when Commerce gave no reason Walmart accepts; <see cref="RequestedReason"/> keeps what it gave.</remarks>
public sealed record CancellationRequested : IOrderEvent
{
    public required Guid CorrelationId { get; init; }
    public required OrderEventContext Context { get; init; }
    public string? RequestedReason { get; init; }
    public string? WalmartReason { get; init; }

    /// <summary>Units per SKU Commerce had shipped when it cancelled: they stay open on Walmart for their shipment.</summary>
    public IReadOnlyList<ShippedQuantity> ShippedInCommerce { get; init; } = [];
}
