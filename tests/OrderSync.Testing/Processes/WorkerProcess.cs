using System.Globalization;

namespace OrderSync.Testing.Processes;

/// <summary>
/// The worker as an operator runs it, as ops/run.sh starts it: its own process of a build of src/OrderSync.Worker, configured by
/// environment variables only, its output appended to a log file, its health and metrics listener on a free port. Stopped with
/// SIGTERM (<see cref="Terminate"/>) or killed (<see cref="Kill"/>); disposing kills it if it still runs.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const string StartedLine = "Application started";

    private readonly ChildProcess _process;

    private WorkerProcess(ChildProcess process, Uri httpAddress)
    {
        _process = process;
        HttpAddress = httpAddress;
    }

    public int ProcessId => _process.Id;

    /// <summary>The worker's health and metrics listener: <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> under it.</summary>
    public Uri HttpAddress { get; }

    public string LogPath => _process.LogPath;

    /// <summary>When the process was launched.</summary>
    public DateTimeOffset LaunchedAt => _process.StartedAt;

    /// <summary>When the worker logged that it had started (its queues bound).</summary>
    public DateTimeOffset ReadyAt { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the worker and waits until it logs that it started, and until it reports ready if the launch asks.</summary>
    public static async Task<WorkerProcess> Start(WorkerLaunch launch, CancellationToken cancellationToken = default)
    {
        var httpAddress = new Uri($"http://127.0.0.1:{FreePort.Find().ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = launch.RabbitMq.ToString(),
            ["ConnectionStrings__Postgres"] = launch.Postgres,
            ["Walmart__BaseUrl"] = launch.WalmartBaseUrl.ToString(),

            // The worker's health and metrics listener, on a port of its own so that it never meets another worker.
            ["Health__Urls"] = httpAddress.ToString().TrimEnd('/'),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in launch.Sellers.SelectMany(seller => seller.WorkerSettings()).Concat(launch.Settings))
        {
            environment[name] = value;
        }

        if (launch.CredentialsDirectory is { } credentials)
        {
            MoveSecretsToFiles(environment, credentials);
        }

        var build = launch.Build ?? ProgramBuild.Worker();
        var process = ChildProcess.Start(build.Assembly, ["--contentRoot", build.Project], environment, build.Project, launch.LogPath);
        var worker = new WorkerProcess(process, httpAddress);
        try
        {
            await worker.WaitUntilStarted(launch.StartTimeout, cancellationToken);
            if (launch.ReadyTimeout is { } readyTimeout)
            {
                await worker.WaitUntilReady(readyTimeout, cancellationToken);
            }

            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the worker until it exits by itself (a configuration it refuses), with nothing set but <paramref name="environment"/>.</summary>
    /// <param name="build">Null: the worker's build of the running program's configuration.</param>
    /// <param name="arguments">Its command line before <c>--contentRoot</c>, such as the <c>migrate</c> verb.</param>
    public static async Task<(int ExitCode, string StandardError, string StandardOutput)> Run(
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, ProgramBuild? build = null, IReadOnlyList<string>? arguments = null)
    {
        build ??= ProgramBuild.Worker();
        var output = Directory.CreateTempSubdirectory("ordersync-worker-");
        try
        {
            var (outputPath, errorPath) = (Path.Combine(output.FullName, "output.log"), Path.Combine(output.FullName, "error.log"));
            using var process = ChildProcess.Start(build.Assembly, [.. arguments ?? [], "--contentRoot", build.Project], environment, build.Project, outputPath, errorPath);
            if (!await process.WaitForExit(timeout))
            {
                await process.Kill();
                throw new TimeoutException($"The worker did not exit within {timeout}: {ChildProcess.Read(outputPath)}");
            }

            return (process.ExitCode, ChildProcess.Read(errorPath), ChildProcess.Read(outputPath));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static void MoveSecretsToFiles(Dictionary<string, string> environment, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var key in environment.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || key.EndsWith("__ClientSecret", StringComparison.Ordinal)).ToList())
        {
            var path = Path.Combine(directory, key);
            File.WriteAllText(path, environment[key] + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            environment.Remove(key);
        }

        environment["CREDENTIALS_DIRECTORY"] = directory;
    }

    /// <summary>The names of the variables in the running process's environment, read from /proc.</summary>
    public IReadOnlyList<string> EnvironmentNames() =>
        File.ReadAllText($"/proc/{ProcessId}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split('=', 2)[0]).ToList();

    /// <summary>/health/ready answers 200: the bus is connected, the database and the sellers answer.</summary>
    public async Task<bool> IsReady()
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task WaitUntilReady(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await IsReady())
        {
            Check(deadline, $"report ready within {timeout}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>SIGTERM, as systemd or a container runtime stops it; killed if it has not stopped after <paramref name="timeout"/>.</summary>
    public Task Terminate(TimeSpan timeout) => _process.Terminate(timeout);

    /// <summary>SIGKILL: no shutdown, no acknowledgement, no outbox flush.</summary>
    public Task Kill() => _process.Kill();

    /// <summary>The last lines of the worker's log, for a failure message.</summary>
    public string LogTail(int lines = 40) => _process.LogTail(lines);

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }

    private async Task WaitUntilStarted(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!_process.ReadLog().Contains(StartedLine, StringComparison.Ordinal))
        {
            Check(deadline, $"start within {timeout}");
            await Task.Delay(100, cancellationToken);
        }

        ReadyAt = DateTimeOffset.UtcNow;
    }

    private void Check(DateTimeOffset deadline, string what)
    {
        if (HasExited)
        {
            throw new InvalidOperationException($"The worker process {ProcessId} exited (code {ExitCode}); its log, {LogPath}:\n{LogTail()}");
        }

        if (DateTimeOffset.UtcNow > deadline)
        {
            throw new TimeoutException($"The worker process {ProcessId} did not {what}; its log, {LogPath}:\n{LogTail()}");
        }
    }
}
