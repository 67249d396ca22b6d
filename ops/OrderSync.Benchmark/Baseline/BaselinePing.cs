namespace OrderSync.Benchmark.Baseline;

/// <summary>The baseline's small inbound message.</summary>
public sealed record BaselinePing(int Sequence, DateTimeOffset SentAt);
