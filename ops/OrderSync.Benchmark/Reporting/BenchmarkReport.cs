using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Scenarios;

namespace OrderSync.Benchmark.Reporting;

/// <summary>Everything one run of the benchmark found, for the markdown report and the charts.</summary>
public sealed class BenchmarkReport
{
    public required MachineDescription Machine { get; init; }

    public required string RabbitMqVersion { get; init; }

    public required string PostgresVersion { get; init; }

    public required bool StatementStatistics { get; init; }

    public required BenchmarkOptions Options { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string LoadAtStart { get; init; }

    public DateTimeOffset FinishedAt { get; set; }

    public string LoadAtEnd { get; set; } = string.Empty;

    public ThroughputResult? Throughput { get; set; }

    public SteadyLoadResult? Steady { get; set; }

    public ThrottledResult? Throttled { get; set; }

    public BacklogResult? Backlog { get; set; }

    /// <summary>Scenarios that could not finish, and why.</summary>
    public Dictionary<ScenarioKind, string> Failures { get; } = [];
}
