namespace OrderSync.Benchmark.Baseline;

/// <summary>The baseline's result message, published by the consumer of a ping.</summary>
public sealed record BaselinePong(int Sequence, DateTimeOffset SentAt);
