using System.Diagnostics;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>A command-line tool (dotnet-trace, perf) run beside the benchmark; killed if still running when disposed.</summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private ToolProcess(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>What the tool writes; read it, or <see cref="WaitAsync"/> drains it, so the tool never blocks on a full pipe.</summary>
    public StreamReader StandardOutput => _process.StandardOutput;

    public int ExitCode => _process.ExitCode;

    public static ToolProcess Start(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ToolProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}"));
    }

    /// <summary>Waits for the tool to end by itself, draining what it writes, at most <paramref name="timeout"/>; true when it succeeded.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, bool drainOutput = true)
    {
        var output = drainOutput ? _process.StandardOutput.ReadToEndAsync() : Task.FromResult(string.Empty);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            await Task.WhenAll(output, _error);
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
