using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Scenario 4: events queued before the worker starts.</summary>
/// <param name="QueuedAtStart">Messages in the worker's intake queue as it started.</param>
/// <param name="DrainTime">From the worker's launch to the last expected result (or to giving up, when incomplete).</param>
/// <param name="DrainFromReady">From the worker's "started" line to the same moment.</param>
public sealed record BacklogResult(
    string Workload,
    int Events,
    RateSample Published,
    uint QueuedAtStart,
    TimeSpan DrainTime,
    TimeSpan DrainFromReady,
    ResultSummary Results,
    ThroughputTimeline Timeline,
    WorkerMeasures Worker)
{
    /// <summary>Events drained a second; when incomplete, the events answered so far (in proportion to the results) over the time waited.</summary>
    public double EventsPerSecond => DrainTime > TimeSpan.Zero ? Events * ((double)Results.Arrived / Results.Expected) / DrainTime.TotalSeconds : double.NaN;

    /// <summary>The drain time, or when incomplete, how long the whole backlog would take at the rate reached.</summary>
    public TimeSpan ProjectedDrainTime => Results.Complete ? DrainTime : TimeSpan.FromSeconds(Events / EventsPerSecond);
}
