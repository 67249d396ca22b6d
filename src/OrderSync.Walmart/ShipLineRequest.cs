namespace OrderSync.Walmart;

public sealed record ShipLineRequest(
    string LineNumber,
    int Quantity,
    string SellerOrderId,
    DateTimeOffset ShipDateTime,
    TrackingDetails Tracking,
    string MethodCode)
{
    /// <summary>
    /// For a tracking update only: the tracking number Walmart has on the line now. When left out,
    /// the client reads the order to find it.
    /// </summary>
    public string? CurrentTrackingNumber { get; init; }

    /// <summary>
    /// Sent as intentToCancelOverride: true. Walmart refuses to ship a line the customer asked to cancel (intentToCancel)
    /// without it.
    /// </summary>
    public bool IntentToCancelOverride { get; init; }
}
