using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// dotnet-trace attached to the worker for a while: its threads' stacks sampled about 100 times a second
/// (profile dotnet-sampled-thread-time), written as .nettrace and as a speedscope file to open at https://www.speedscope.app.
/// </summary>
public sealed class WorkerTrace : IAsyncDisposable
{
    private readonly ToolProcess _process;

    private WorkerTrace(ToolProcess process, string output)
    {
        _process = process;
        Output = output;
    }

    public string Output { get; }

    public static WorkerTrace Start(string tool, int processId, TimeSpan duration, string output) => new(
        ToolProcess.Start(tool,
        [
            "collect", "--process-id", processId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            "--format", "Speedscope", "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "--output", output,
        ]),
        output);

    /// <summary>Waits for the trace to end by itself (its duration), at most <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout) => _process.WaitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
