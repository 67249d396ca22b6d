namespace OrderSync.Worker.Reconciliation;

/// <summary>An order a pass looks at: its saved state, and the last sign of life of its operations.</summary>
public sealed class HeldOrder
{
    public Guid CorrelationId { get; init; }

    public string PurchaseOrderId { get; init; } = string.Empty;

    public string Data { get; init; } = string.Empty;

    public DateTime UpdatedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When any of its operations last recorded an attempt; null when none has.</summary>
    public DateTime? LastOperationActivity { get; init; }
}
