using System.Diagnostics;
using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>Reads a process's VmRSS every 200 ms and its VmHWM (the kernel's own high-water mark) from /proc.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly int _processId;
    private readonly List<MemorySample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _highWaterMiB;

    public MemorySampler(int processId)
    {
        _processId = processId;
        _loop = Task.Run(() => PeriodicReads.RunAsync(Interval, Read, _stop.Token));
    }

    /// <summary>The highest of the kernel's high-water mark and every sample.</summary>
    public double PeakMiB
    {
        get
        {
            lock (_samples)
            {
                return Math.Max(_highWaterMiB, _samples.Count == 0 ? 0 : _samples.Max(s => s.ResidentMiB));
            }
        }
    }

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Takes a last reading and stops sampling; call it before the process exits.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            Read();
            await _stop.CancelAsync();
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private void Read()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{_processId.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (IOException)
        {
            return; // the process has gone
        }

        double? resident = null, highWater = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                highWater = Kilobytes(line) / 1024.0;
            }
        }

        lock (_samples)
        {
            if (resident is { } rss)
            {
                _samples.Add(new MemorySample(_clock.Elapsed.TotalSeconds, rss));
            }

            if (highWater is { } hwm)
            {
                _highWaterMiB = Math.Max(_highWaterMiB, hwm);
            }
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
