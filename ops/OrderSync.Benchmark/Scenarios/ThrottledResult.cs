using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Scenario 3: Walmart throttling each of ten sellers.</summary>
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
    WorkerMeasures Worker)
{
    /// <summary>Accepted shipping calls over allowed ones, summed over the sellers.</summary>
    public double ShareOfAllowedRate => Sellers.Sum(s => s.Accepted) / Sellers.Sum(s => s.Allowed);

    public double ThrottledPerThousandCalls => Calls == 0 ? 0 : Throttled * 1000.0 / Calls;
}
