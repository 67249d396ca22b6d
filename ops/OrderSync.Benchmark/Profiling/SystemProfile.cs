using System.Diagnostics;
using System.Globalization;

namespace OrderSync.Benchmark.Profiling;

/// <summary>
/// perf recording every core for a while, with call graphs: all the stack's processes at once, kernel time included. The .NET
/// processes name their compiled code for perf only when started with DOTNET_PerfMapEnabled=1 (ops/benchmark.sh --perf sets it).
/// </summary>
public sealed class SystemProfile : IAsyncDisposable
{
    /// <summary>Samples a second on each core: an odd rate, so as not to beat with timers.</summary>
    private const int Frequency = 999;

    private readonly string _tool;
    private readonly Process _recording;

    private SystemProfile(string tool, Process recording, string output)
    {
        _tool = tool;
        _recording = recording;
        Output = output;
    }

    /// <summary>The perf.data file.</summary>
    public string Output { get; }

    public static SystemProfile Start(string tool, TimeSpan duration, string output)
    {
        var seconds = Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var recording = Run(tool, ["record", "-F", Frequency.ToString(CultureInfo.InvariantCulture), "-a", "-g", "-o", output, "--", "sleep", seconds]);
        return new SystemProfile(tool, recording, output);
    }

    /// <summary>Waits for the recording to end, reads its samples and sorts them out; null when perf failed.</summary>
    public async Task<CpuProfile?> ReadAsync(ProfileProcesses processes, TimeSpan timeout)
    {
        if (!await Finish(_recording, timeout))
        {
            return null;
        }

        using var script = Run(_tool, ["script", "-i", Output, "-F", "comm,pid,ip,sym,dso"]);
        var error = script.StandardError.ReadToEndAsync();
        var profile = await Task.Run(() => CpuProfile.Of(PerfScriptReader.Read(script.StandardOutput), processes));
        await script.WaitForExitAsync();
        await error;
        return script.ExitCode == 0 && profile.Samples > 0 ? profile : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_recording.HasExited)
        {
            _recording.Kill(entireProcessTree: true);
            await _recording.WaitForExitAsync();
        }

        _recording.Dispose();
    }

    private static async Task<bool> Finish(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            await Task.WhenAll(output, error);
            return process.ExitCode == 0;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static Process Run(string tool, IEnumerable<string> arguments)
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

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
    }
}
