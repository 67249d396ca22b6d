namespace OrderSync.Worker.Inbound;

/// <summary>Commerce's cancellation reasons and the Walmart codes they stand for: docs/interface.md section 3.</summary>
public static class CancellationReasons
{
    private static readonly Dictionary<string, string> ChannelManagerReasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["price_or_listing_error"] = "SELLER_CANCEL_PRICING_ERROR",
        ["out_of_stock"] = "SELLER_CANCEL_OUT_OF_STOCK",
        ["carrier_or_shipping_unavailable"] = "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
        ["fraud_review_required"] = "SELLER_CANCEL_FRAUD_STOP_SHIPMENT",
        ["customer_requested"] = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL",
    };

    private static readonly HashSet<string> WalmartCodes = new(ChannelManagerReasons.Values, StringComparer.Ordinal);

    /// <returns>The Walmart code, or null when Commerce gave none Walmart accepts.</returns>
    public static string? ToWalmart(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var trimmed = reason.Trim();
        if (ChannelManagerReasons.TryGetValue(trimmed, out var code))
        {
            return code;
        }

        return WalmartCodes.Contains(trimmed) ? trimmed : null;
    }
}
