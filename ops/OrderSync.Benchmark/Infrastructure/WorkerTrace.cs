using System.Diagnostics;
using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// dotnet-trace attached to the worker for a while: its threads' stacks sampled about 100 times a second
/// (profile dotnet-sampled-thread-time), written as .nettrace and as a speedscope file to open at https://www.speedscope.app.
/// </summary>
public sealed class WorkerTrace : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerTrace(Process process, string output)
    {
        _process = process;
        Output = output;
    }

    public string Output { get; }

    public static WorkerTrace Start(string tool, int processId, TimeSpan duration, string output)
    {
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "collect", "--process-id", processId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            "--format", "Speedscope", "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "--output", output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        return new WorkerTrace(process, output);
    }

    /// <summary>Waits for the trace to end by itself (its duration), at most <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout)
    {
        var output = _process.StandardOutput.ReadToEndAsync();
        var error = _process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            await Task.WhenAll(output, error);
            return _process.ExitCode == 0;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
