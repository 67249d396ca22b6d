namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>A limit set through the admin API for one seller (its Sandbox:Sellers name); it overrides Sandbox:Throttle.</summary>
public sealed record SellerLimit(string Seller, double CallsPerSecond, int Capacity, ThrottleScope Scope)
{
    public const double MinCallsPerSecond = 1.0 / 86_400;
    public const double MaxCallsPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>Rounded to whole ticks: exact for rates such as 4 or 0.5 a second.</summary>
    public TimeSpan RefillEvery => TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / CallsPerSecond));
}
