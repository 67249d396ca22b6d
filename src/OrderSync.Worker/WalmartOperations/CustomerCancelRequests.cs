using OrderSync.Walmart;

namespace OrderSync.Worker.WalmartOperations;

/// <summary>
/// Lines the customer asked Walmart to cancel after ordering (Walmart's intentToCancel). Commerce saves a shipment only once the
/// goods have left, so such a line still ships, with Walmart's override; cancelled, it goes with the customer's reason, which
/// Walmart keeps for exactly these lines.
/// </summary>
public static class CustomerCancelRequests
{
    public const string CancellationReason = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL";

    /// <summary>Whether Walmart marks the line in the order as read; a ship of it must carry intentToCancelOverride.</summary>
    public static bool IsRequested(WalmartOrder order, string lineNumber) =>
        order.Lines.Any(line => line.LineNumber == lineNumber && line.IntentToCancel);

    /// <summary>The customer's reason for a line they asked to cancel, whatever Commerce chose; Commerce's reason for any other line.</summary>
    public static string CancellationReasonFor(WalmartOrder order, string lineNumber, string commerceReason) =>
        IsRequested(order, lineNumber) ? CancellationReason : commerceReason;
}
