namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// The latency of the events published in one 5-s stretch of a steady run, beside the share of that stretch in which some
/// task on the machine waited for a CPU or for the disk (null where the kernel has no pressure information).
/// </summary>
public sealed record LatencyWindow(double Second, double P50Ms, double P99Ms, double? CpuWaiting, double? IoWaiting);
