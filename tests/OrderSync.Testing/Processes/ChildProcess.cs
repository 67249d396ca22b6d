using System.Diagnostics;
using System.Globalization;

namespace OrderSync.Testing.Processes;

/// <summary>
/// A .NET program started as its own process, its output appended to a log file (its standard error to a file of its own when
/// asked), stopped with SIGTERM or killed. Disposing only lets go of the process: the owner stops it first.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    // Inherited settings that would configure the child behind its starter's back.
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

    public int ExitCode => _process.ExitCode;

    /// <param name="assembly">The program's dll, run with <c>dotnet</c>.</param>
    /// <param name="environment">Set on top of this process's environment, less the settings it would pass on unasked.</param>
    /// <param name="errorLogPath">Where standard error goes when not to <paramref name="logPath"/> with standard output.</param>
    public static ChildProcess Start(
        string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath, string? errorLogPath = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };

        // exec keeps the process id, so the id is the .NET program's own: the one SIGTERM and SIGKILL reach, whose memory and CPU
        // are read from /proc.
        start.ArgumentList.Add("-c");
        if (errorLogPath is null)
        {
            start.ArgumentList.Add("log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null");
            start.ArgumentList.Add("child");
            start.ArgumentList.Add(logPath);
        }
        else
        {
            start.ArgumentList.Add("log=$1 errors=$2; shift 2; exec \"$@\" >>\"$log\" 2>>\"$errors\" </dev/null");
            start.ArgumentList.Add("child");
            start.ArgumentList.Add(logPath);
            start.ArgumentList.Add(errorLogPath);
        }

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

        var startedAt = DateTimeOffset.UtcNow;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {assembly}");
        return new ChildProcess(process, logPath, startedAt);
    }

    public string ReadLog() => Read(LogPath);

    public string LogTail(int lines = 20) => string.Join('\n', ReadLog().Split('\n').TakeLast(lines));

    /// <summary>A file the process writes, read while it may still write to it; empty when it does not exist (yet).</summary>
    public static string Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    /// <returns>False when the process still runs after <paramref name="timeout"/>.</returns>
    public async Task<bool> WaitForExit(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, as systemd or a container runtime stops a service; then up to <paramref name="timeout"/> for a clean stop, then SIGKILL.</summary>
    public async Task Terminate(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        if (!await WaitForExit(timeout))
        {
            await Kill();
        }
    }

    /// <summary>SIGKILL, if it still runs: no shutdown, no acknowledgement, nothing it held in memory survives.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose() => _process.Dispose();
}
