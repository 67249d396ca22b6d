using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// Reads the kernel's pressure stall information (/proc/pressure/cpu and io: the time some task waited for a CPU, or for
/// the disk) every second, so that a slow stretch of a scenario can be told apart from a machine that was busy elsewhere.
/// Empty where the kernel does not expose it.
/// </summary>
public sealed class PressureSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly List<PressureSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PressureSampler()
    {
        _loop = File.Exists("/proc/pressure/cpu") ? Task.Run(() => PeriodicReads.RunAsync(Interval, Read, _stop.Token)) : Task.CompletedTask;
    }

    /// <summary>The share of <paramref name="from"/> to <paramref name="to"/> in which some task waited for a CPU, and for the disk; null without samples around it.</summary>
    public (double CpuWaiting, double IoWaiting)? Between(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_samples)
        {
            var first = _samples.LastOrDefault(s => s.At <= from) ?? _samples.FirstOrDefault(s => s.At >= from);
            var last = _samples.FirstOrDefault(s => s.At >= to) ?? _samples.LastOrDefault();
            if (first is null || last is null || last.At <= first.At)
            {
                return null;
            }

            var span = (last.At - first.At).TotalMicroseconds;
            return ((last.CpuSomeMicroseconds - first.CpuSomeMicroseconds) / span, (last.IoSomeMicroseconds - first.IoSomeMicroseconds) / span);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private void Read()
    {
        var cpu = SomeTotal("/proc/pressure/cpu");
        var io = SomeTotal("/proc/pressure/io");
        if (cpu is not null && io is not null)
        {
            lock (_samples)
            {
                _samples.Add(new PressureSample(DateTimeOffset.UtcNow, cpu.Value, io.Value));
            }
        }
    }

    /// <summary>The "total=" of the file's "some" line: microseconds in which at least one task was stalled.</summary>
    private static long? SomeTotal(string path)
    {
        try
        {
            var some = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("some ", StringComparison.Ordinal));
            var total = some?.Split(' ').FirstOrDefault(part => part.StartsWith("total=", StringComparison.Ordinal));
            return total is null ? null : long.Parse(total["total=".Length..], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record PressureSample(DateTimeOffset At, long CpuSomeMicroseconds, long IoSomeMicroseconds);
}
