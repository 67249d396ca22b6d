using System.Diagnostics;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// A .NET program started as its own process with its output appended to a log file, stopped with SIGTERM (then killed if it
/// does not stop in time).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // Inherited settings that would configure the child behind the benchmark's back.
    private static readonly string[] ScrubbedPrefixes = ["ConnectionStrings__", "Walmart__", "Sandbox__", "Worker__", "Health__", "Serilog__", "Logging__"];

    private readonly Process _process;

    private ChildProcess(Process process, string logPath, DateTimeOffset startedAt)
    {
        _process = process;
        LogPath = logPath;
        StartedAt = startedAt;
    }

    public int Id => _process.Id;

    public string LogPath { get; }

    public DateTimeOffset StartedAt { get; }

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };

        // exec keeps the process id, so the id is the .NET program's own (its memory and CPU are read from /proc).
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$BENCHMARK_CHILD_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add("child");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(key => ScrubbedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["BENCHMARK_CHILD_LOG"] = logPath;
        var startedAt = DateTimeOffset.UtcNow;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {assembly}");
        return new ChildProcess(process, logPath, startedAt);
    }

    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    public string LogTail(int lines = 20) => string.Join('\n', ReadLog().Split('\n').TakeLast(lines));

    /// <summary>SIGTERM, then up to <paramref name="timeout"/> for a clean stop, then SIGKILL.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(40));
        _process.Dispose();
    }
}
