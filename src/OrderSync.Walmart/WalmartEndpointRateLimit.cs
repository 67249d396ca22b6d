namespace OrderSync.Walmart;

public sealed class WalmartEndpointRateLimit
{
    /// <summary>Sustained rate per seller.</summary>
    public int PermitsPerMinute { get; set; }

    /// <summary>Calls that may go at once after a quiet spell (the bucket's size).</summary>
    public int Burst { get; set; }
}
