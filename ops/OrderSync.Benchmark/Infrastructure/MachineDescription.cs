using System.Globalization;
using System.Runtime.InteropServices;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>The machine the figures come from: cores, CPU model, memory, and how busy it was.</summary>
public sealed record MachineDescription(int Cores, string CpuModel, double MemoryGiB, string Kernel, string Runtime)
{
    public static MachineDescription Read()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKiB = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;
        return new MachineDescription(
            Environment.ProcessorCount,
            model,
            long.Parse(memoryKiB, CultureInfo.InvariantCulture) / 1024.0 / 1024.0,
            kernel,
            RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg has them.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
