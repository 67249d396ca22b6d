namespace OrderSync.Walmart;

/// <remarks>
/// Walmart's statuses partition the line's quantity. Delivered units were shipped first, so they
/// count as shipped; refunded units are neither shipped nor open, so a refund never reopens a line.
/// </remarks>
public sealed record WalmartOrderLine(
    string LineNumber,
    string Sku,
    int Quantity,
    IReadOnlyList<WalmartLineStatus> Statuses,
    string? TrackingNumber)
{
    /// <summary>The customer asked Walmart to cancel the line after ordering (Walmart's intentToCancel).</summary>
    public bool IntentToCancel { get; init; }

    /// <summary>The carrier of the tracking Walmart holds on the line: its name, or the seller's own for otherCarrier.</summary>
    public string? Carrier { get; init; }

    /// <summary>Why Walmart shows units cancelled (its cancellationReason), when it says.</summary>
    public string? CancellationReason { get; init; }

    public int ShippedQuantity => QuantityIn("Shipped") + QuantityIn("Delivered");

    public int CancelledQuantity => QuantityIn("Cancelled");

    public int RefundedQuantity => QuantityIn("Refund");

    public int OpenQuantity => Math.Max(0, Quantity - ShippedQuantity - CancelledQuantity - RefundedQuantity);

    private int QuantityIn(string status) =>
        Statuses.Where(s => string.Equals(s.Status, status, StringComparison.OrdinalIgnoreCase)).Sum(s => s.Quantity);
}
