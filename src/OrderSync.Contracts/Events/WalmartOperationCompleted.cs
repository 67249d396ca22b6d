namespace OrderSync.Contracts.Events;

/// <summary>Walmart applied an operation; <see cref="Order"/> is the order as Walmart showed it afterwards.</summary>
public sealed record WalmartOperationCompleted
{
    public required Guid CorrelationId { get; init; }
    public required Guid OperationId { get; init; }
    public required IReadOnlyList<OperationLine> Lines { get; init; }
    public required IReadOnlyList<OrderLineState> Order { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>What Walmart took but may hold against the seller, such as tracking it cannot check; one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Walmart's ship-by date of the order as it read it; null when it gave none, or from a worker that did not read it.</summary>
    public DateTimeOffset? ShipBy { get; init; }
}
