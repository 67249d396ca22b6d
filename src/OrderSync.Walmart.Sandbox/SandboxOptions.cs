namespace OrderSync.Walmart.Sandbox;

/// <summary>Bound from the configuration section "Sandbox".</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Sellers whose credentials the token endpoint accepts, keyed by seller name (a Commerce store_code).</summary>
    public Dictionary<string, SandboxSellerOptions> Sellers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Optional JSON file of orders loaded at start and on reset.</summary>
    public string? SeedFile { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(900);

    /// <summary>Walmart refuses to ship an order not yet acknowledged; off by default.</summary>
    public bool RequireAcknowledge { get; set; }

    /// <summary>How long after a line's first shipping update Walmart takes a tracking correction (PARTIAL_UPDATE): 4 hours.</summary>
    public TimeSpan TrackingChangeWindow { get; set; } = TimeSpan.FromHours(4);

    public SandboxThrottleOptions Throttle { get; set; } = new();

    /// <summary>
    /// The bearer token /admin needs from any address but loopback; without one, /admin answers only on loopback.
    /// </summary>
    public string? AdminToken { get; set; }
}
