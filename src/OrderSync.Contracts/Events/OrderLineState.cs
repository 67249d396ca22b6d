namespace OrderSync.Contracts.Events;

public sealed record OrderLineState(string LineNumber, string Sku, int Quantity, int Shipped, int Cancelled)
{
    public bool IsClosed => Shipped + Cancelled >= Quantity;

    /// <summary>The carrier of the tracking Walmart holds on the line; null when unshipped, or read before it was kept.</summary>
    public string? Carrier { get; init; }

    /// <summary>The tracking number Walmart holds on the line; null when unshipped, or read before it was kept.</summary>
    public string? TrackingNumber { get; init; }

    /// <summary>Walmart's reason for the units it shows cancelled, when it gives one.</summary>
    public string? CancellationReason { get; init; }
}
