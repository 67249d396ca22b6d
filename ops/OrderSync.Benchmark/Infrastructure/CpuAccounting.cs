using System.Globalization;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// Reads CPU time from /proc: the workers, the sandbox, this program, the RabbitMQ node and the PostgreSQL server (the postmaster,
/// its live backends, and the backends it reaped), and the whole machine from /proc/stat.
/// </summary>
public sealed class CpuAccounting(string? servicesStateDirectory)
{
    // USER_HZ: the unit of /proc's CPU times; 100 on every Linux built for x86-64 and arm64.
    private const double TicksPerSecond = 100;

    /// <summary>The RabbitMQ node's process, from its pid file; null when it is not known.</summary>
    public int? RabbitMqProcessId() => PidFromFile(servicesStateDirectory is null ? null : Path.Combine(servicesStateDirectory, "rabbitmq", "rabbitmq.pid"));

    public CpuUsage Read(int? workerProcessId, int? sandboxProcessId) =>
        ReadForWorkers(workerProcessId is { } id ? [id] : [], sandboxProcessId);

    /// <summary>The same with several worker processes, their CPU summed.</summary>
    public CpuUsage ReadForWorkers(IReadOnlyCollection<int> workerProcessIds, int? sandboxProcessId)
    {
        var rabbitMq = RabbitMqProcessId();
        var postmaster = PidFromFile(servicesStateDirectory is null ? null : Path.Combine(servicesStateDirectory, "postgres", "data", "postmaster.pid"));

        double worker = 0, sandbox = 0, benchmark = 0, broker = 0, database = 0;
        foreach (var stat in ProcessStats())
        {
            if (workerProcessIds.Contains(stat.Id))
            {
                worker += stat.OwnSeconds;
            }
            else if (stat.Id == sandboxProcessId)
            {
                sandbox += stat.OwnSeconds;
            }
            else if (stat.Id == Environment.ProcessId)
            {
                benchmark += stat.OwnSeconds;
            }
            else if (stat.Id == rabbitMq || (rabbitMq is not null && stat.ParentId == rabbitMq))
            {
                broker += stat.OwnSeconds;
            }
            else if (stat.Id == postmaster)
            {
                database += stat.OwnSeconds + stat.ReapedChildrenSeconds;
            }
            else if (postmaster is not null && stat.ParentId == postmaster)
            {
                database += stat.OwnSeconds;
            }
        }

        var (busy, capacity) = MachineSeconds();
        return new CpuUsage(worker, sandbox, benchmark, broker, database, busy, capacity);
    }

    private static (double Busy, double Capacity) MachineSeconds()
    {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        var idle = fields[3] + fields[4];
        return (busy / TicksPerSecond, (busy + idle) / TicksPerSecond);
    }

    private static IEnumerable<ProcessStat> ProcessStats()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17): comm may hold spaces, so split after ')'.
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            double Ticks(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
            yield return new ProcessStat(id, int.Parse(rest[1], CultureInfo.InvariantCulture), Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
        }
    }

    private static int? PidFromFile(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var first = File.ReadLines(path).FirstOrDefault()?.Trim();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private sealed record ProcessStat(int Id, int ParentId, double OwnSeconds, double ReapedChildrenSeconds);
}
