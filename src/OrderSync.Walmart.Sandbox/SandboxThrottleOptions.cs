namespace OrderSync.Walmart.Sandbox;

/// <summary>Walmart-like token buckets per seller and endpoint; off by default.</summary>
public sealed class SandboxThrottleOptions
{
    public bool Enabled { get; set; }

    public SandboxBucketOptions GetOrder { get; set; } = new() { Capacity = 50, RefillEvery = TimeSpan.FromMilliseconds(200) };

    public SandboxBucketOptions Shipping { get; set; } = new() { Capacity = 10, RefillEvery = TimeSpan.FromSeconds(1) };

    public SandboxBucketOptions Cancel { get; set; } = new() { Capacity = 10, RefillEvery = TimeSpan.FromSeconds(1) };

    public SandboxBucketOptions Acknowledge { get; set; } = new() { Capacity = 10, RefillEvery = TimeSpan.FromSeconds(1) };

    public SandboxBucketOptions For(SandboxOperation operation) => operation switch
    {
        SandboxOperation.GetOrder => GetOrder,
        SandboxOperation.Shipping => Shipping,
        SandboxOperation.Cancel => Cancel,
        _ => Acknowledge,
    };
}
