using System.Globalization;
using OrderSync.Benchmark.Infrastructure;
using OrderSync.Testing.Processes;
using OrderSync.Testing.Services;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>What every scenario needs: options, the builds, the services, the measuring instruments, the output folder.</summary>
public sealed class BenchmarkContext(
    BenchmarkOptions options,
    ProgramBuild workerBuild,
    ProgramBuild sandboxBuild,
    ServiceSettings services,
    RabbitMqManagement management,
    DatabaseStatistics database,
    CpuAccounting cpu,
    string outputDirectory)
{
    /// <summary>Ten sellers, as Walmart sellers behind ten Commerce store views.</summary>
    public const int SellerCount = 10;

    public BenchmarkOptions Options { get; } = options;

    /// <summary>The worker's build, run as an operator runs it.</summary>
    public ProgramBuild WorkerBuild { get; } = workerBuild;

    /// <summary>The sandbox's build, run as a process of its own.</summary>
    public ProgramBuild SandboxBuild { get; } = sandboxBuild;

    public ServiceSettings Services { get; } = services;

    public RabbitMqManagement Management { get; } = management;

    public DatabaseStatistics Database { get; } = database;

    public CpuAccounting Cpu { get; } = cpu;

    public string OutputDirectory { get; } = outputDirectory;

    public IReadOnlyList<SellerAccount> Sellers { get; } =
        [.. Enumerable.Range(1, SellerCount).Select(n => new SellerAccount($"store_{n}", $"bench-client-{n}", $"bench-secret-{n}"))];

    public string LogPath(string name) => Path.Combine(OutputDirectory, "logs", name + ".log");

    public static void Say(string scenario, string message) =>
        Console.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} benchmark: {scenario}: {message}");
}
