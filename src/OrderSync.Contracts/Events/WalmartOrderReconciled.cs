namespace OrderSync.Contracts.Events;

/// <summary>
/// A reconciling pass looked at the order: what Walmart shows now (null when Walmart was not read, as the order had not changed
/// there since it was last compared), and the order's operations found in flight with nothing left to carry them.
/// </summary>
public sealed record WalmartOrderReconciled
{
    public required Guid CorrelationId { get; init; }

    public required Guid PassId { get; init; }

    public required DateTimeOffset CheckedAt { get; init; }

    public IReadOnlyList<OrderLineState>? WalmartLines { get; init; }

    public IReadOnlyList<Guid> StuckOperations { get; init; } = [];
}
