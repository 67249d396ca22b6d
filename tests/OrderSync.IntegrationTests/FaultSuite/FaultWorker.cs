using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// The worker in its own process, as deployed, its output in a log file under the fault suite's artifacts: started, killed with
/// SIGKILL, or stopped with SIGTERM. Disposing kills it if it still runs.
/// </summary>
public sealed class FaultWorker : IAsyncDisposable
{
    private readonly Process _process;

    private FaultWorker(Process process, Uri httpAddress, string logPath)
    {
        _process = process;
        HttpAddress = httpAddress;
        LogPath = logPath;
    }

    public Uri HttpAddress { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Settings every fault scenario needs: both sandbox sellers, quick durable retries, Walmart calls that give up after 3 s.</summary>
    public static Dictionary<string, string> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["Walmart__Sellers__walmart_us__ClientId"] = "sandbox-walmart-us",
            ["Walmart__Sellers__walmart_us__ClientSecret"] = "sandbox-secret-walmart-us",
            ["Walmart__Sellers__walmart_ca__ClientId"] = "sandbox-walmart-ca",
            ["Walmart__Sellers__walmart_ca__ClientSecret"] = "sandbox-secret-walmart-ca",
            ["Walmart__RequestTimeout"] = "00:00:03",
            ["Walmart__RateLimits__Enabled"] = "false",
            ["Worker__RetryIntervals__0"] = "00:00:00.100",
            ["Worker__RetryIntervals__1"] = "00:00:00.500",
            ["Worker__RedeliveryDelays__0"] = "00:00:01",
            ["Worker__RedeliveryDelays__1"] = "00:00:02",
            ["Worker__RedeliveryDelays__2"] = "00:00:05",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<FaultWorker> Start(string name, IsolatedEnvironment environment, Uri walmartBaseUrl, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var logPath = Path.Combine(FaultArtifacts.Logs, $"{name}-{DateTimeOffset.UtcNow:HHmmss}.log");
        var dll = Path.Combine(WorkerProcess.WorkerDirectory, "OrderSync.Worker.dll");

        // exec: the process killed is the worker itself, not a shell around it.
        var start = new ProcessStartInfo("bash", ["-c", "exec dotnet \"$0\" >>\"$1\" 2>&1", dll, logPath])
        {
            WorkingDirectory = WorkerProcess.WorkerDirectory,
            RedirectStandardInput = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Walmart__", StringComparison.Ordinal) || k.StartsWith("Worker__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ConnectionStrings__RabbitMq"] = environment.RabbitMq.ToString();
        start.Environment["ConnectionStrings__Postgres"] = environment.Postgres;
        start.Environment["Walmart__BaseUrl"] = walmartBaseUrl.ToString();
        start.Environment["Health__Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var worker = new FaultWorker(Process.Start(start)!, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), logPath);
        try
        {
            await worker.WaitUntilReady(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>/health/ready answers 200: the bus is connected, the database and the sellers answer.</summary>
    public async Task<bool> IsReady()
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetAsync("health/ready")).IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public Task WaitUntilReady(TimeSpan timeout) => Eventually.True(
        async () => HasExited
            ? throw new InvalidOperationException($"The worker exited (code {_process.ExitCode}); its log: {LogPath}\n{Tail()}")
            : await IsReady(),
        $"the worker process {ProcessId} to report ready (log {LogPath})",
        timeout);

    /// <summary>SIGKILL: no shutdown, no acknowledgement, no outbox flush.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines of the worker's log, for a failure message.</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException exception)
        {
            return $"(log unreadable: {exception.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
