namespace OrderSync.Benchmark.Baseline;

/// <summary>A ping on its way through the relay queue; <paramref name="HopsLeft"/> relays, this one included, take it before its pong goes out.</summary>
public sealed record BaselineRelay(int Sequence, DateTimeOffset SentAt, int HopsLeft);
