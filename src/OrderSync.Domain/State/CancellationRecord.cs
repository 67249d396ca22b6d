using System.Text.Json.Serialization;
using OrderSync.Contracts.Events;

namespace OrderSync.Domain.State;

public sealed class CancellationRecord
{
    public required string EventId { get; init; }

    public string? RequestedReason { get; init; }

    public string? WalmartReason { get; init; }

    public IReadOnlyList<ShippedQuantity> ShippedInCommerce { get; init; } = [];

    [JsonInclude]
    public CancellationStatus Status { get; internal set; }
}
