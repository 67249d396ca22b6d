using System.Globalization;

namespace OrderSync.Benchmark.Reporting;

/// <summary>One of the issue's targets, what was measured against it, and whether it was met (null: not measured).</summary>
public sealed record TargetCheck(string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "met",
        false => "**missed**",
        null => "not measured",
    };

    public static IReadOnlyList<TargetCheck> Evaluate(BenchmarkReport report)
    {
        var checks = new List<TargetCheck>();
        var throughput = report.Throughput;
        checks.Add(throughput is null
            ? new TargetCheck("throughput at least 25% of the plain MassTransit baseline", "-", null)
            : new TargetCheck(
                "throughput at least 25% of the plain MassTransit baseline",
                string.Create(CultureInfo.InvariantCulture, $"{throughput.Throughput.PerSecond:N0} events/s = {Units.Percent(throughput.RatioToBaseline, 1)} of {throughput.Baseline.Rate.PerSecond:N0} messages/s (CPU-bound estimate: {Units.Percent(throughput.CpuBoundRatio, 1)}; the worker's {throughput.WorkerPath.Hops} hops alone, no work done at them: {Units.Percent(throughput.WorkerPathRatioToBaseline, 1)})"),
                throughput.Results.Complete && throughput.RatioToBaseline >= 0.25));

        var steady = report.Steady;
        var p99 = steady?.Results.Latency.PercentileMs(99);
        checks.Add(new TargetCheck(
            $"p99 at most 100 ms at {steady?.Rate ?? report.Options.SteadyRate} events a second",
            steady is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"p99 {p99:N1} ms (p50 {steady.Results.Latency.PercentileMs(50):N1} ms)"),
            steady is null ? null : steady.Results.Complete && p99 <= 100));

        var throttled = report.Throttled;
        checks.Add(new TargetCheck(
            "at least 90% of the allowed Walmart rate (throttled sellers)",
            throttled is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Units.Percent(throttled.ShareOfAllowedRate, 1)} of the allowed shipping calls"),
            throttled is null ? null : throttled.ShareOfAllowedRate >= 0.9));
        checks.Add(new TargetCheck(
            "at most one 429 per 1,000 Walmart calls",
            throttled is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{throttled.ThrottledPerThousandCalls:N2} per 1,000 ({throttled.Throttled:N0} of {throttled.Calls:N0} calls)"),
            throttled is null ? null : throttled.ThrottledPerThousandCalls <= 1));

        var backlog = report.Backlog;
        checks.Add(new TargetCheck(
            $"peak worker memory at most 300 MB through the backlog ({backlog?.Events ?? report.Options.BacklogEvents:N0} events)",
            backlog is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Units.Megabytes(backlog.Worker.PeakMemoryMiB):N0} MB ({backlog.Worker.PeakMemoryMiB:N0} MiB) peak resident{(backlog.Results.Complete ? string.Empty : $" over the first {backlog.Results.Arrived * 100 / backlog.Results.Expected}% (not drained within the cap)")}"),
            backlog is null ? null : Units.Megabytes(backlog.Worker.PeakMemoryMiB) <= 300));
        return checks;
    }
}
