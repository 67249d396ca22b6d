using Npgsql;
using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Reporting;
using OrderSync.Benchmark.Scenarios;
using OrderSync.Testing;
using OrderSync.Testing.Processes;
using OrderSync.Testing.Services;

namespace OrderSync.Benchmark;

/// <summary>Runs the chosen scenarios one after the other, then writes report.md and the charts, and copies them for the README.</summary>
public static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            if (exception.Message.Length > 0)
            {
                await Console.Error.WriteLineAsync($"benchmark: {exception.Message}");
            }

            await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await RunAsync(options, cancellation.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NpgsqlException or HttpRequestException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"benchmark: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        // The Release builds, as deployed (ops/benchmark.sh builds them).
        var root = RepositoryPaths.Find(options.RepositoryRoot);
        var (worker, sandbox) = (ProgramBuild.Worker("Release", root), ProgramBuild.Sandbox("Release", root));
        worker.RequireBuilt("build Release first (ops/benchmark.sh does)");
        sandbox.RequireBuilt("build Release first (ops/benchmark.sh does)");
        var services = ServiceSettings.FromEnvironment();
        var startedAt = DateTimeOffset.UtcNow;
        var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "artifacts", "benchmark", $"{startedAt:yyyyMMdd-HHmmss}"));
        Directory.CreateDirectory(output);

        using var management = new RabbitMqManagement(services);
        var database = new DatabaseStatistics(services);
        var context = new BenchmarkContext(options, worker, sandbox, services, management, database, new CpuAccounting(options.ServicesStateDirectory), output);
        var report = new BenchmarkReport
        {
            Machine = MachineDescription.Read(),
            RabbitMqVersion = await management.VersionAsync(cancellationToken),
            PostgresVersion = await PostgresVersionAsync(services, cancellationToken),
            StatementStatistics = await database.StatementsAvailableAsync(cancellationToken),
            Options = options,
            StartedAt = startedAt,
            LoadAtStart = MachineDescription.LoadAverage(),
        };
        BenchmarkContext.Say("start", $"{report.Machine.Cores} cores, load average {report.LoadAtStart}; scenarios {string.Join(", ", options.Scenarios)}; output {output}");
        if (!report.StatementStatistics)
        {
            BenchmarkContext.Say("start", "pg_stat_statements is not loaded: database work is counted in transactions (pg_stat_database)");
        }

        foreach (var scenario in options.Scenarios)
        {
            try
            {
                switch (scenario)
                {
                    case ScenarioKind.Throughput:
                        report.Throughput = await ThroughputScenario.RunAsync(context, cancellationToken);
                        break;
                    case ScenarioKind.Steady:
                        report.Steady = await SteadyLoadScenario.RunAsync(context, cancellationToken);
                        break;
                    case ScenarioKind.Throttled:
                        report.Throttled = await ThrottledWalmartScenario.RunAsync(context, cancellationToken);
                        break;
                    case ScenarioKind.Backlog:
                        report.Backlog = await BacklogScenario.RunAsync(context, cancellationToken);
                        break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                report.Failures[scenario] = exception.Message;
                BenchmarkContext.Say(scenario.ToString().ToLowerInvariant(), $"failed: {exception}");
            }
        }

        report.FinishedAt = DateTimeOffset.UtcNow;
        report.LoadAtEnd = MachineDescription.LoadAverage();
        var charts = ChartWriter.WriteAll(report, output);
        var markdown = ReportWriter.Write(report, charts);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), markdown, cancellationToken);
        BenchmarkContext.Say("done", $"report: {Path.Combine(output, "report.md")}");

        if (options.DocsDirectory is { } docs)
        {
            var target = Path.IsPathRooted(docs) ? docs : Path.Combine(root, docs);
            Directory.CreateDirectory(target);
            foreach (var file in charts.Append("report.md"))
            {
                File.Copy(Path.Combine(output, file), Path.Combine(target, file), overwrite: true);
            }

            BenchmarkContext.Say("done", $"copied to {target}");
        }

        Console.WriteLine();
        foreach (var check in TargetCheck.Evaluate(report))
        {
            Console.WriteLine($"  {check.Verdict.Trim('*'),-13} {check.Target}: {check.Measured}");
        }

        return report.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task<string> PostgresVersionAsync(ServiceSettings services, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(services.Postgres);
        await connection.OpenAsync(cancellationToken);
        return connection.PostgreSqlVersion.ToString();
    }
}
