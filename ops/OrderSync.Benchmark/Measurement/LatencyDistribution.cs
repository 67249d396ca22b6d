using HdrHistogram;

namespace OrderSync.Benchmark.Measurement;

/// <summary>Latency percentiles from an HdrHistogram of microseconds (1 µs to 1 h, 3 significant digits).</summary>
public sealed class LatencyDistribution
{
    public static readonly double[] ReportedPercentiles = [50, 90, 95, 99, 99.9];

    private readonly LongHistogram _histogram = new(1, TimeSpan.FromHours(1).Ticks / 10, 3);

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan latency) => _histogram.RecordValue(Math.Max(1, latency.Ticks / 10));

    public double PercentileMs(double percentile) => Count == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMs => Count == 0 ? double.NaN : _histogram.GetMaxValue() / 1000.0;

    public double MeanMs => Count == 0 ? double.NaN : _histogram.GetMean() / 1000.0;

    public static LatencyDistribution Of(IEnumerable<TimeSpan> latencies)
    {
        var distribution = new LatencyDistribution();
        foreach (var latency in latencies)
        {
            distribution.Record(latency);
        }

        return distribution;
    }
}
