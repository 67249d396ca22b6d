namespace OrderSync.Contracts.Events;

/// <summary>One Walmart line an operation shipped or cancelled.</summary>
public sealed record OperationLine(string LineNumber, string Sku, int Quantity, string? Carrier, string? TrackingNumber, string? Reason)
{
    /// <summary>Walmart marked the line as one the customer asked to cancel (intentToCancel) when the operation called.</summary>
    public bool CustomerRequestedCancel { get; init; }
}
