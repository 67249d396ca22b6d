namespace OrderSync.Persistence;

/// <summary>One dead letter moved back to the queue it failed on; <see cref="ResolvedAt"/> is set by the worker once it succeeds.</summary>
public sealed record DeadLetterRequeue
{
    public required Guid RequeueId { get; init; }
    public string? MessageId { get; init; }
    public required string DeadLetterQueue { get; init; }
    public required string TargetQueue { get; init; }
    public string? Reason { get; init; }
    public string? PurchaseOrderId { get; init; }
    public DateTimeOffset RequeuedAt { get; init; }
    public string? RequeuedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
}
