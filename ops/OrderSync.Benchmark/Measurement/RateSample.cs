namespace OrderSync.Benchmark.Measurement;

/// <summary>A count over a span: how many, how long, and so how many a second.</summary>
public sealed record RateSample(long Count, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : double.NaN;
}
