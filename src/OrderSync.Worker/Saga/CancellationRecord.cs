using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

public sealed class CancellationRecord
{
    public required string EventId { get; init; }

    public string? RequestedReason { get; init; }

    public string? WalmartReason { get; init; }

    public List<ShippedQuantity> ShippedInCommerce { get; init; } = [];

    public CancellationStatus Status { get; set; }
}
