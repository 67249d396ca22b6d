namespace OrderSync.Benchmark.Measurement;

/// <summary>One part of the events' way, with its latency over all events and its mean over the slowest of them.</summary>
/// <param name="SlowestMeanMs">The stage's mean over the events slowest 1% of the events by their whole latency.</param>
public sealed record LatencyStage(string Name, string Covers, LatencyDistribution Latency, double SlowestMeanMs);
