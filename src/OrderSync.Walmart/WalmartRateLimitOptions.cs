namespace OrderSync.Walmart;

/// <summary>
/// The client's own token buckets, one per seller and endpoint, kept under Walmart's limits so that
/// calls wait here rather than draw 429s.
/// </summary>
public sealed class WalmartRateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How long a call may wait for a permit before it is answered Throttled.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    public WalmartEndpointRateLimit GetOrder { get; set; } = new() { PermitsPerMinute = 300, Burst = 50 };

    /// <summary>Shipments and tracking updates share Walmart's shipping endpoint, and so its limit.</summary>
    public WalmartEndpointRateLimit Shipping { get; set; } = new() { PermitsPerMinute = 60, Burst = 10 };

    public WalmartEndpointRateLimit Cancel { get; set; } = new() { PermitsPerMinute = 60, Burst = 10 };

    public WalmartEndpointRateLimit Acknowledge { get; set; } = new() { PermitsPerMinute = 60, Burst = 10 };
}
