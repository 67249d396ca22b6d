using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Scenario 2: a fixed rate for a fixed time.</summary>
/// <param name="Lag">From the last event published to the last result received.</param>
/// <param name="Stages">Where the measured events' time went, from the worker's database beside the benchmark's clock.</param>
/// <param name="ColdStart">The latency of the warm-up: the same rate from the worker's start, outside the measured minute.</param>
public sealed record SteadyLoadResult(
    string Workload,
    int Rate,
    TimeSpan Duration,
    RateSample Published,
    ResultSummary Results,
    LatencyStages Stages,
    TimeSpan Lag,
    TimeSpan WarmUp,
    LatencyDistribution ColdStart,
    ThroughputTimeline Timeline,
    IReadOnlyList<LatencyWindow> LatencyOverTime,
    WorkerMeasures Worker);
