using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// The worker as an operator runs it (Release build, its own process, configured by environment variables), as ops/run.sh
/// starts it.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const string StartedLine = "Application started";

    private readonly ChildProcess _process;

    private WorkerProcess(ChildProcess process, Uri healthUrl)
    {
        _process = process;
        HealthUrl = healthUrl;
    }

    public int ProcessId => _process.Id;

    /// <summary>The worker's health and metrics listener (<c>/metrics</c> under it).</summary>
    public Uri HealthUrl { get; }

    /// <summary>When the process was launched.</summary>
    public DateTimeOffset LaunchedAt => _process.StartedAt;

    /// <summary>When the worker logged that it had started (its queues bound).</summary>
    public DateTimeOffset ReadyAt { get; private set; }

    public string LogPath => _process.LogPath;

    public static async Task<WorkerProcess> StartAsync(RepositoryLayout repository, WorkerLaunch launch, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var healthUrl = new Uri($"http://127.0.0.1:{FreePort.Find().ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = launch.RabbitMq.ToString(),
            ["ConnectionStrings__Postgres"] = launch.Postgres,
            ["Walmart__BaseUrl"] = launch.Sandbox.BaseUrl.ToString(),
            ["Walmart__RateLimits__Enabled"] = "false",

            // The worker's health and metrics listener, on a port of its own so that it never meets a test's worker.
            ["Health__Urls"] = healthUrl.ToString().TrimEnd('/'),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var seller in launch.Sandbox.Sellers)
        {
            environment[$"Walmart__Sellers__{seller.StoreCode}__ClientId"] = seller.ClientId;
            environment[$"Walmart__Sellers__{seller.StoreCode}__ClientSecret"] = seller.ClientSecret;
        }

        foreach (var (name, value) in launch.RateLimits?.WorkerEnvironment() ?? [])
        {
            environment[name] = value;
        }

        var process = ChildProcess.Start(repository.WorkerAssembly, ["--contentRoot", repository.WorkerProject], environment, repository.WorkerProject, launch.LogPath);
        var worker = new WorkerProcess(process, healthUrl);
        try
        {
            await worker.WaitUntilStartedAsync(readyTimeout, cancellationToken);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM, as an operator stops it; the worker finishes what it holds first.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(45));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilStartedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!_process.ReadLog().Contains(StartedLine, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the worker stopped at start:\n{_process.LogTail()}");
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"the worker did not start within {timeout}:\n{_process.LogTail()}");
            }

            await Task.Delay(100, cancellationToken);
        }

        ReadyAt = DateTimeOffset.UtcNow;
    }
}
