using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Scenario 3: Walmart throttling each of ten sellers below what the worker instances are configured for.</summary>
/// <param name="Limits">What the sandbox grants each seller.</param>
/// <param name="WorkerLimits">The workers' configured limits (<c>Walmart__RateLimits__*</c>): their starting rate and ceiling.</param>
/// <param name="LearntShipping">Each seller's learnt shipping rate, read from the instance calling for it, at seconds since the first publish.</param>
/// <param name="SaturatedUntilSecond">The end of the span in which every seller had shipping calls waiting, in seconds since the first publish.</param>
public sealed record ThrottledResult(
    string Workload,
    ThrottleProfile Limits,
    RateSample Throughput,
    ResultSummary Results,
    IReadOnlyList<SellerShippingRate> Sellers,
    long Calls,
    long Throttled,
    IReadOnlyDictionary<string, (long Calls, long Throttled)> ByOperation,
    IReadOnlyList<(double Second, int Accepted, int Throttled)> ShippingTimeline,
    WorkerMeasures Worker,
    ThrottleProfile WorkerLimits,
    int Instances,
    IReadOnlyList<SellerLearntRate> LearntShipping,
    double SaturatedUntilSecond)
{
    /// <summary>Accepted shipping calls over allowed ones, summed over the sellers.</summary>
    public double ShareOfAllowedRate => Sellers.Sum(s => s.Accepted) / Sellers.Sum(s => s.Allowed);

    public double LowestSellerShare => Sellers.Count == 0 ? double.NaN : Sellers.Min(s => s.Share);

    public double MedianSellerShare => Median(Sellers.Select(s => s.Share));

    public double ThrottledPerThousandCalls => Calls == 0 ? 0 : Throttled * 1000.0 / Calls;

    /// <summary>The seller's mean learnt shipping rate over its measured window; null when no reading fell in it.</summary>
    public double? LearntShippingRateOf(SellerShippingRate seller) =>
        LearntShipping.FirstOrDefault(series => string.Equals(series.Seller, seller.Seller, StringComparison.OrdinalIgnoreCase))
            ?.MeanBetween(SaturatedUntilSecond - seller.Window.TotalSeconds, SaturatedUntilSecond);

    /// <summary>The instances that called for the seller (held its lane) while sampled.</summary>
    public IReadOnlyList<int> InstancesOf(string seller) =>
        LearntShipping.FirstOrDefault(series => string.Equals(series.Seller, seller, StringComparison.OrdinalIgnoreCase))?.Instances ?? [];

    public double MedianLearntShippingRate => Median(Sellers.Select(LearntShippingRateOf).OfType<double>());

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
