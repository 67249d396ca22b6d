using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// Walmart's limits as the sandbox applies them per seller (a bucket of <c>Capacity</c> calls, one back every <c>RefillEvery</c>),
/// and the same limits for the worker's own client-side buckets, so that it waits rather than draws 429s.
/// </summary>
public sealed record ThrottleProfile(EndpointLimit GetOrder, EndpointLimit Shipping, EndpointLimit Cancel, EndpointLimit Acknowledge)
{
    /// <summary>The sandbox's defaults (SandboxThrottleOptions), which are Walmart's documented limits.</summary>
    public static ThrottleProfile WalmartDefaults { get; } = new(
        new EndpointLimit(50, TimeSpan.FromMilliseconds(200)),
        new EndpointLimit(10, TimeSpan.FromSeconds(1)),
        new EndpointLimit(10, TimeSpan.FromSeconds(1)),
        new EndpointLimit(10, TimeSpan.FromSeconds(1)));

    public IEnumerable<(string Name, EndpointLimit Limit)> Endpoints =>
        [("GetOrder", GetOrder), ("Shipping", Shipping), ("Cancel", Cancel), ("Acknowledge", Acknowledge)];

    public IEnumerable<string> SandboxArguments() => Endpoints.SelectMany(endpoint => new[]
    {
        $"--Sandbox:Throttle:{endpoint.Name}:Capacity={endpoint.Limit.Capacity.ToString(CultureInfo.InvariantCulture)}",
        $"--Sandbox:Throttle:{endpoint.Name}:RefillEvery={endpoint.Limit.RefillEvery.ToString("c", CultureInfo.InvariantCulture)}",
    }).Prepend("--Sandbox:Throttle:Enabled=true");

    public IEnumerable<KeyValuePair<string, string>> WorkerEnvironment() => Endpoints.SelectMany(endpoint => new[]
    {
        KeyValuePair.Create($"Walmart__RateLimits__{endpoint.Name}__PermitsPerMinute", endpoint.Limit.PermitsPerMinute.ToString(CultureInfo.InvariantCulture)),
        KeyValuePair.Create($"Walmart__RateLimits__{endpoint.Name}__Burst", endpoint.Limit.Capacity.ToString(CultureInfo.InvariantCulture)),
    }).Prepend(KeyValuePair.Create("Walmart__RateLimits__Enabled", "true"));
}
