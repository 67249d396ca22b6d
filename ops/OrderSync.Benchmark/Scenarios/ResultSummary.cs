using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Commerce;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// The results of a measured run, matched to their events: how many were expected and arrived, how many said the sync failed,
/// their latency (result received − the event's CloudEvent <c>time</c>), and when the last one arrived.
/// </summary>
public sealed record ResultSummary(
    int Expected,
    int Arrived,
    int Failed,
    IReadOnlyDictionary<string, int> ByType,
    LatencyDistribution Latency,
    DateTimeOffset? LastArrival,
    IReadOnlyList<DateTimeOffset> Arrivals)
{
    public bool Complete => Arrived == Expected;

    public static ResultSummary Of(ResultCollector collector)
    {
        var answered = collector.Answered();
        return new ResultSummary(
            collector.ExpectedCount,
            answered.Count,
            answered.Count(pair => pair.Result.Type == ContractNames.SyncFailed),
            answered.GroupBy(pair => pair.Result.Type).ToDictionary(group => group.Key, group => group.Count()),
            LatencyDistribution.Of(answered.Select(pair => pair.Result.ArrivedAt - pair.Event.PublishedAt)),
            answered.Count == 0 ? null : answered.Max(pair => pair.Result.ArrivedAt),
            [.. answered.Select(pair => pair.Result.ArrivedAt).Order()]);
    }
}
