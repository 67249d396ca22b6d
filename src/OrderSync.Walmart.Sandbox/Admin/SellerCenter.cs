using OrderSync.Walmart.Sandbox.Orders;

namespace OrderSync.Walmart.Sandbox.Admin;

/// <summary>What Walmart, a customer or the seller in Seller Center does to a line without the API; each returns why it cannot, or null.</summary>
public static class SellerCenter
{
    /// <summary>Walmart's own reason when it cancels lines left unshipped past their ship-by date.</summary>
    public const string DefaultCancellationReason = "SELLER_CANCEL_SHIP_BY_DATE_PASSED";

    public static string? Cancel(SandboxOrderLine line, SellerCenterChange change, DateTimeOffset now)
    {
        var quantity = change.Quantity ?? line.OpenQuantity;
        if (QuantityProblem(line, quantity) is { } problem)
        {
            return problem;
        }

        var reason = string.IsNullOrWhiteSpace(change.Reason) ? DefaultCancellationReason : change.Reason.Trim();
        line.Close(quantity, new SandboxLineStatus(LineStatuses.Cancelled, quantity, CancellationReason: reason), now);
        return null;
    }

    public static string? Ship(SandboxOrderLine line, SellerCenterChange change, DateTimeOffset now)
    {
        var quantity = change.Quantity ?? line.OpenQuantity;
        if ((QuantityProblem(line, quantity) ?? TrackingProblem(change)) is { } problem)
        {
            return problem;
        }

        line.Close(quantity, new SandboxLineStatus(LineStatuses.Shipped, quantity, Tracking(change, now)), now);
        return null;
    }

    /// <summary>Seller Center changes tracking at any time, unlike the API's four hours.</summary>
    public static string? ChangeTracking(SandboxOrderLine line, SellerCenterChange change, DateTimeOffset now)
    {
        if (line.QuantityIn(LineStatuses.Shipped) == 0)
        {
            return $"Order line {line.LineNumber} is not shipped, so it has no tracking to change.";
        }

        if (TrackingProblem(change) is { } problem)
        {
            return problem;
        }

        line.ReplaceTracking(currentTrackingNumber: null, Tracking(change, now), now);
        return null;
    }

    private static string? QuantityProblem(SandboxOrderLine line, int quantity) =>
        line.OpenQuantity == 0 ? $"Order line {line.LineNumber} has no open units."
        : quantity < 1 || quantity > line.OpenQuantity ? $"Quantity {quantity} must be from 1 to the line's {line.OpenQuantity} open units."
        : null;

    private static string? TrackingProblem(SellerCenterChange change) =>
        string.IsNullOrWhiteSpace(change.TrackingNumber) ? "trackingNumber is required."
        : change.Carrier is null == change.OtherCarrier is null ? "Give exactly one of carrier (a Walmart carrier name) and otherCarrier."
        : change.Carrier is not null && !WalmartVocabulary.Carriers.Contains(change.Carrier) ? $"Carrier '{change.Carrier}' is not one Walmart knows."
        : null;

    private static SandboxTracking Tracking(SellerCenterChange change, DateTimeOffset now) => new(
        now.ToUnixTimeMilliseconds(), change.Carrier, change.OtherCarrier, change.MethodCode ?? "Standard", change.TrackingNumber!.Trim(), change.TrackingUrl);
}
