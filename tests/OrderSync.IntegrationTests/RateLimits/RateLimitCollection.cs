namespace OrderSync.IntegrationTests.RateLimits;

/// <summary>The rate-limit scenarios measure Walmart's budget over minutes: one at a time, after the tests that run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RateLimitCollection
{
    public const string Name = "RateLimits";
}
