namespace OrderSync.Persistence;

/// <summary>A row of order_sync_saga: the saga's state is <see cref="Data"/>, the JSON of the worker's OrderSyncState.</summary>
public sealed record OrderSyncSagaRow
{
    public Guid CorrelationId { get; init; }
    public string? CurrentState { get; init; }
    public int Version { get; init; }
    public required string Data { get; init; }
    public string? StoreCode { get; init; }
    public string? PurchaseOrderId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When a reconciling pass last looked at the order; null before the first.</summary>
    public DateTimeOffset? LastReconciledAt { get; init; }
}
