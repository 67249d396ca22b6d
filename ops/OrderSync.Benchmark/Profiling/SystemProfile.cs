using System.Globalization;
using OrderSync.Benchmark.Infrastructure;

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
    private readonly ToolProcess _recording;

    private SystemProfile(string tool, ToolProcess recording, string output)
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
        var recording = ToolProcess.Start(tool, ["record", "-F", Frequency.ToString(CultureInfo.InvariantCulture), "-a", "-g", "-o", output, "--", "sleep", seconds]);
        return new SystemProfile(tool, recording, output);
    }

    /// <summary>Waits for the recording to end, reads its samples and sorts them out; null when perf failed.</summary>
    public async Task<CpuProfile?> ReadAsync(ProfileProcesses processes, TimeSpan timeout)
    {
        if (!await _recording.WaitAsync(timeout))
        {
            return null;
        }

        await using var script = ToolProcess.Start(_tool, ["script", "-i", Output, "-F", "comm,pid,ip,sym,dso"]);
        var profile = await Task.Run(() => CpuProfile.Of(PerfScriptReader.Read(script.StandardOutput), processes));
        return await script.WaitAsync(timeout, drainOutput: false) && profile.Samples > 0 ? profile : null;
    }

    public ValueTask DisposeAsync() => _recording.DisposeAsync();
}
