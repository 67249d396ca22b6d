namespace OrderSync.Walmart.Sandbox;

public sealed class SandboxBucketOptions
{
    public int Capacity { get; set; }

    /// <summary>One token comes back each period.</summary>
    public TimeSpan RefillEvery { get; set; }
}
