namespace OrderSync.Benchmark.Infrastructure;

/// <summary>A process's resident memory at one moment, in MiB, <paramref name="Seconds"/> after sampling began.</summary>
public sealed record MemorySample(double Seconds, double ResidentMiB);
