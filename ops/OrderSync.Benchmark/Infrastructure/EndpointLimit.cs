namespace OrderSync.Benchmark.Infrastructure;

/// <summary>A token bucket: <see cref="Capacity"/> calls at once, one more every <see cref="RefillEvery"/>.</summary>
public sealed record EndpointLimit(int Capacity, TimeSpan RefillEvery)
{
    public int PermitsPerMinute => (int)Math.Round(TimeSpan.FromMinutes(1) / RefillEvery);

    public double PerSecond => 1 / RefillEvery.TotalSeconds;

    /// <summary>The most calls a full bucket lets through over a window of <paramref name="window"/>.</summary>
    public double AllowedOver(TimeSpan window) => Capacity + Math.Floor(window / RefillEvery);

    public EndpointLimit Times(int factor) => new(Capacity * factor, RefillEvery / factor);
}
