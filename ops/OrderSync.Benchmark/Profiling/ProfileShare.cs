namespace OrderSync.Benchmark.Profiling;

/// <summary>The samples of one kind, and their share of the whole they were counted in.</summary>
public sealed record ProfileShare(string Name, int Samples, double Share);
