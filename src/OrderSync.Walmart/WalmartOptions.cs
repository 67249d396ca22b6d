using OrderSync.Walmart.Tracking;

namespace OrderSync.Walmart;

/// <summary>Bound from the configuration section "Walmart".</summary>
public sealed class WalmartOptions
{
    public const string SectionName = "Walmart";

    /// <summary>Required; checked at start-up, so never null once the host runs.</summary>
    public Uri BaseUrl { get; set; } = null!;

    /// <summary>Sent as WM_SVC.NAME.</summary>
    public string ServiceName { get; set; } = "Walmart Marketplace";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before its expiry an access token is replaced (at most half its lifetime).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Keyed by Commerce store_code.</summary>
    public Dictionary<string, WalmartSellerOptions> Sellers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Commerce carrier code or title to Walmart carrier name, on top of the built-in mapping. A value
    /// here is sent as Walmart's carrier even if the client's list does not know it yet.
    /// </summary>
    public Dictionary<string, string> Carriers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What to do with tracking Walmart will take but may count as invalid: send it with a warning, or refuse it.</summary>
    public UnrecognisedTracking UnrecognisedTracking { get; set; } = UnrecognisedTracking.Warn;

    /// <summary>
    /// How long after an order's ship-by date Walmart cancels its unshipped lines (about 4 days on US Marketplace; Walmart has
    /// changed it before); said in the warning when an order with work left passes ship-by.
    /// </summary>
    public TimeSpan AutoCancelAfterShipBy { get; set; } = TimeSpan.FromDays(4);

    public WalmartRateLimitOptions RateLimits { get; set; } = new();
}
