namespace OrderSync.Contracts.Events;

/// <summary>An operation that cannot succeed without someone fixing its cause.</summary>
public sealed record WalmartOperationFailed
{
    public required Guid CorrelationId { get; init; }
    public required Guid OperationId { get; init; }
    public required string ErrorSource { get; init; }
    public required string StatusDetails { get; init; }
    public IReadOnlyList<WalmartErrorDetail> WalmartErrors { get; init; } = [];
    public required int Attempts { get; init; }
    public required DateTimeOffset FailedAt { get; init; }

    /// <summary>Walmart's ship-by date of the order, when the attempt read the order before it failed.</summary>
    public DateTimeOffset? ShipBy { get; init; }
}
