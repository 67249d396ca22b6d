namespace OrderSync.Benchmark.Workload;

/// <summary>A sync result CloudEvent as Commerce received it.</summary>
public sealed record ObservedResult(string Type, string CausationId, string? OrderStatus, DateTimeOffset ArrivedAt);
