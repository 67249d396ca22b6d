using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>The worker in its own process, as deployed: started, stopped with SIGTERM, or killed.</summary>
public sealed class RunningWorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    private RunningWorkerProcess(Process process, Uri httpAddress)
    {
        _process = process;
        HttpAddress = httpAddress;
        _output = Task.Run(async () => await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync());
    }

    public Uri HttpAddress { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static async Task<RunningWorkerProcess> Start(IsolatedEnvironment environment, Uri walmartBaseUrl, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(WorkerProcess.WorkerDirectory, "OrderSync.Worker.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = WorkerProcess.WorkerDirectory,
        };
        start.Environment["ConnectionStrings__RabbitMq"] = environment.RabbitMq.ToString();
        start.Environment["ConnectionStrings__Postgres"] = environment.Postgres;
        start.Environment["Walmart__BaseUrl"] = walmartBaseUrl.ToString();
        start.Environment["Walmart__Sellers__walmart_us__ClientId"] = "sandbox-walmart-us";
        start.Environment["Walmart__Sellers__walmart_us__ClientSecret"] = "sandbox-secret-walmart-us";
        start.Environment["Health__Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var worker = new RunningWorkerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = worker.HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.True(
            async () =>
            {
                if (worker.HasExited)
                {
                    throw new InvalidOperationException($"The worker exited at start: {await worker._output}");
                }

                try
                {
                    return (await http.GetAsync("health/ready")).IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            "the worker process to be ready",
            TimeSpan.FromSeconds(60));
        return worker;
    }

    /// <summary>What systemd or a container runtime sends to stop it.</summary>
    public async Task Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>Kills the process (SIGKILL) if it still runs: nothing it held in memory survives.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
