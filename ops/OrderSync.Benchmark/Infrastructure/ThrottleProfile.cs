using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// Token-bucket limits per endpoint (a bucket of <c>Capacity</c> calls, one back every <c>RefillEvery</c>): what the sandbox grants
/// each seller, or what the worker's client-side buckets are configured with (its starting rate and ceiling).
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

    /// <summary>Every endpoint's bucket <paramref name="factor"/> times as large and refilled <paramref name="factor"/> times as fast.</summary>
    public ThrottleProfile Times(int factor) => new(GetOrder.Times(factor), Shipping.Times(factor), Cancel.Times(factor), Acknowledge.Times(factor));

    public string Describe() => string.Join(", ", Endpoints.Select(e => $"{e.Name} {e.Limit.PermitsPerMinute}/min, burst {e.Limit.Capacity}"));

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
