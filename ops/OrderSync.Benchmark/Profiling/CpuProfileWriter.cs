using System.Globalization;
using System.Text;

namespace OrderSync.Benchmark.Profiling;

/// <summary>Writes a <see cref="CpuProfile"/> as markdown, beside the report.</summary>
public static class CpuProfileWriter
{
    public static string Markdown(CpuProfile profile, string scenario, TimeSpan duration)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# CPU profile: {scenario}, {duration.TotalSeconds:N0} s from the first publish");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"perf sampled every core {profile.Samples:N0} times (about 1,000 a second a core, kernel included; `perf.data` beside this file). The worker and the sandbox ran with perf maps, so their compiled code has names; the worker's part is the consumer whose code is on the sampled stack.");
        Table(text, "By process (share of all samples, idle included)", profile.Processes);
        Table(text, "The worker, by part", profile.WorkerParts);
        Table(text, "The worker, by kind of code running", profile.WorkerCode);
        Table(text, "PostgreSQL's backends, by activity", profile.PostgresWork);
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<ProfileShare> shares)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        text.AppendLine();
        text.AppendLine("| | samples | share |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var share in shares)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {share.Name} | {share.Samples:N0} | {share.Share * 100:N1}% |");
        }
    }
}
