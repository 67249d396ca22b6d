namespace OrderSync.Walmart;

/// <summary>
/// Faults the client can see before calling Walmart. Each would draw a 400 anyway; catching them
/// here saves the call and tells the merchant what to fix in Commerce.
/// </summary>
internal static class WalmartRequestChecks
{
    private const int SellerOrderIdMaxLength = 30;

    public static List<WalmartError> CheckShipment(IReadOnlyList<ShipLineRequest> lines, WalmartCarrierMapper carriers)
    {
        var errors = new List<WalmartError>();
        if (lines.Count == 0)
        {
            errors.Add(new WalmartError("NO_LINES", "orderLine", "There are no order lines to send to Walmart."));
        }

        foreach (var line in lines)
        {
            CheckLine(errors, line.LineNumber, line.Quantity);
            if (string.IsNullOrWhiteSpace(line.SellerOrderId))
            {
                errors.Add(new WalmartError("SELLER_ORDER_ID_REQUIRED", "sellerOrderId", "Walmart needs the Commerce order number (sellerOrderId) on every shipped line."));
            }
            else if (line.SellerOrderId.Length > SellerOrderIdMaxLength)
            {
                errors.Add(new WalmartError("SELLER_ORDER_ID_TOO_LONG", "sellerOrderId",
                    $"Commerce order number '{line.SellerOrderId}' is longer than the {SellerOrderIdMaxLength} characters Walmart accepts."));
            }

            // The tracking rules live with the carrier formats; only what Walmart would refuse stops the call here.
            errors.AddRange(carriers.Check(line.Tracking).Refusals);
        }

        return Distinct(errors);
    }

    public static List<WalmartError> CheckCancellation(IReadOnlyList<CancelLineRequest> lines)
    {
        var errors = new List<WalmartError>();
        if (lines.Count == 0)
        {
            errors.Add(new WalmartError("NO_LINES", "orderLine", "There are no order lines to send to Walmart."));
        }

        foreach (var line in lines)
        {
            CheckLine(errors, line.LineNumber, line.Quantity);
            if (string.IsNullOrWhiteSpace(line.Reason))
            {
                errors.Add(new WalmartError("CANCELLATION_REASON_REQUIRED", "cancellationReason", "Walmart needs a cancellation reason."));
            }
        }

        return Distinct(errors);
    }

    private static void CheckLine(List<WalmartError> errors, string lineNumber, int quantity)
    {
        if (string.IsNullOrWhiteSpace(lineNumber))
        {
            errors.Add(new WalmartError("LINE_NUMBER_REQUIRED", "lineNumber", "A Walmart order line number is missing."));
        }

        if (quantity <= 0)
        {
            errors.Add(new WalmartError("INVALID_QUANTITY", "statusQuantity", $"The quantity for Walmart line {lineNumber} must be at least 1, not {quantity}."));
        }
    }

    private static List<WalmartError> Distinct(List<WalmartError> errors) => errors.Distinct().ToList();
}
