namespace OrderSync.Benchmark.Profiling;

/// <summary>One stack perf sampled: the process and thread name, and its frames from the innermost out, each "symbol (file)".</summary>
public sealed record ProfileSample(string Command, int ProcessId, IReadOnlyList<string> Frames);
