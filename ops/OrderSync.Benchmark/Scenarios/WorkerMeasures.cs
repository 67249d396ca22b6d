using OrderSync.Benchmark.Infrastructure;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>What the worker and its surroundings spent during a measured span.</summary>
public sealed record WorkerMeasures(
    WalmartCallCounts Calls,
    DatabaseActivity Database,
    double PeakMemoryMiB,
    IReadOnlyList<MemorySample> Memory,
    CpuUsage Cpu,
    LoadAverages Load);
