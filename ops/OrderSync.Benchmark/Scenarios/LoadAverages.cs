namespace OrderSync.Benchmark.Scenarios;

/// <summary>The machine's load averages (1, 5, 15 min) as a scenario started and ended.</summary>
public sealed record LoadAverages(string Before, string After);
