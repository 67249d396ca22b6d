namespace OrderSync.Persistence;

/// <summary>
/// Walmart's ship-by date (shippingInfo.estimatedShipDate): lines still unshipped some days after it are cancelled by Walmart
/// (PO_LINE_AUTOCANCELLED), which counts against the seller. The metric, the warning log and <c>orders show</c> judge it here.
/// </summary>
public static class ShipByDeadline
{
    /// <summary>How soon before ship-by an order counts as due.</summary>
    public static readonly TimeSpan DueWindow = TimeSpan.FromHours(24);

    /// <summary>Walmart US Marketplace's delay since mid-2023; Walmart:AutoCancelAfterShipBy overrides it.</summary>
    public static readonly TimeSpan DefaultAutoCancelAfter = TimeSpan.FromDays(4);

    public static ShipByStanding Standing(DateTimeOffset shipBy, DateTimeOffset now) =>
        shipBy <= now ? ShipByStanding.Overdue
        : shipBy - now <= DueWindow ? ShipByStanding.DueWithin24Hours
        : ShipByStanding.NotDueYet;
}
