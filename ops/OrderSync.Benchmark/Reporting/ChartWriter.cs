using OrderSync.Benchmark.Measurement;
using ScottPlot;

namespace OrderSync.Benchmark.Reporting;

/// <summary>The report's PNG charts (ScottPlot); each method returns the file name it wrote, or null when it had no data.</summary>
public static class ChartWriter
{
    private const int Width = 900;
    private const int Height = 420;

    public static IReadOnlyList<string> WriteAll(BenchmarkReport report, string directory)
    {
        var written = new List<string?>
        {
            Throughput(report, directory),
            LatencyPercentiles(report, directory),
            SteadyLatencyOverTime(report, directory),
            Throttled(report, directory),
            ThrottledLearntRate(report, directory),
            Backlog(report, directory),
        };
        return [.. written.OfType<string>()];
    }

    private static string? Throughput(BenchmarkReport report, string directory)
    {
        if (report.Throughput is not { } throughput)
        {
            return null;
        }

        var plot = new Plot();
        var perSecond = throughput.Timeline.PerSecond;
        var results = plot.Add.Scatter(Seconds(perSecond.Count), [.. perSecond.Select(count => (double)count)]);
        results.LegendText = "results per second (scenario 1, burst)";
        results.MarkerSize = 0;
        var average = plot.Add.HorizontalLine(throughput.Throughput.PerSecond);
        average.LegendText = $"worker: {throughput.Throughput.PerSecond:N0} events/s on average";
        average.LinePattern = LinePattern.Dashed;
        var baseline = plot.Add.HorizontalLine(throughput.Baseline.Rate.PerSecond);
        baseline.LegendText = $"plain MassTransit baseline: {throughput.Baseline.Rate.PerSecond:N0} messages/s";
        baseline.LinePattern = LinePattern.Dotted;
        baseline.Color = Colors.Gray;
        plot.Title("Throughput over time (1 s buckets)");
        plot.XLabel("seconds since the first event was published");
        plot.YLabel("per second");
        plot.Axes.SetLimits(0, Math.Max(1, perSecond.Count), 0, Math.Max(throughput.Baseline.Rate.PerSecond, perSecond.DefaultIfEmpty(0).Max()) * 1.15);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, directory, "throughput.png");
    }

    private static string? LatencyPercentiles(BenchmarkReport report, string directory)
    {
        var series = new List<(string Name, LatencyDistribution Latency)>();
        if (report.Steady is { } steady)
        {
            series.Add(($"steady {steady.Rate}/s", steady.Results.Latency));
        }

        if (report.Throughput is { } throughput)
        {
            series.Add(("burst (scenario 1)", throughput.Results.Latency));
        }

        if (series.Count == 0)
        {
            return null;
        }

        var percentiles = LatencyDistribution.ReportedPercentiles;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var index = 0; index < series.Count; index++)
        {
            for (var p = 0; p < percentiles.Length; p++)
            {
                var value = series[index].Latency.PercentileMs(percentiles[p]);
                bars.Add(new Bar
                {
                    Position = (p * (series.Count + 1)) + index,
                    Value = Math.Log10(Math.Max(value, 0.1)),
                    ValueBase = -1,
                    FillColor = palette.GetColor(index),
                    Label = value >= 100 ? $"{value:N0}" : $"{value:N1}",
                });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        plot.Axes.Bottom.SetTicks(
            [.. percentiles.Select((_, p) => (p * (series.Count + 1)) + ((series.Count - 1) / 2.0))],
            [.. percentiles.Select(p => $"p{p}")]);
        var decades = Enumerable.Range(-1, 7).ToArray();
        plot.Axes.Left.SetTicks([.. decades.Select(d => (double)d)], [.. decades.Select(d => Math.Pow(10, d) >= 1 ? $"{Math.Pow(10, d):N0}" : $"{Math.Pow(10, d):N1}")]);
        var target = plot.Add.HorizontalLine(2);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Red;
        target.LegendText = "100 ms (p99 target at 100 events/s)";
        for (var index = 0; index < series.Count; index++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[index].Name, FillColor = palette.GetColor(index) });
        }

        plot.ShowLegend(Edge.Right);
        plot.Title("Latency percentiles: CloudEvent time to result received (ms, log scale)");
        plot.YLabel("milliseconds");
        plot.Axes.SetLimitsY(-1, bars.Max(bar => bar.Value) + 0.6);
        return Save(plot, directory, "latency-percentiles.png");
    }

    private static string? SteadyLatencyOverTime(BenchmarkReport report, string directory)
    {
        if (report.Steady is not { LatencyOverTime.Count: > 0 } steady)
        {
            return null;
        }

        var plot = new Plot();
        var seconds = steady.LatencyOverTime.Select(point => point.Second).ToArray();
        var p50 = plot.Add.Scatter(seconds, [.. steady.LatencyOverTime.Select(point => point.P50Ms)]);
        p50.LegendText = "p50";
        var p99 = plot.Add.Scatter(seconds, [.. steady.LatencyOverTime.Select(point => point.P99Ms)]);
        p99.LegendText = "p99";
        var target = plot.Add.HorizontalLine(100);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Red;
        target.LegendText = "100 ms";
        plot.Title($"Steady load ({steady.Rate} events/s): latency by 5 s of publishing");
        plot.XLabel("seconds since the first event was published");
        plot.YLabel("milliseconds");
        plot.Axes.SetLimitsY(0, Math.Max(120, steady.LatencyOverTime.Max(point => point.P99Ms) * 1.1));
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, directory, "steady-latency.png");
    }

    private static string? Throttled(BenchmarkReport report, string directory)
    {
        if (report.Throttled is not { ShippingTimeline.Count: > 0 } throttled)
        {
            return null;
        }

        var plot = new Plot();
        var seconds = throttled.ShippingTimeline.Select(point => point.Second).ToArray();
        var accepted = plot.Add.Scatter(seconds, [.. throttled.ShippingTimeline.Select(point => (double)point.Accepted)]);
        accepted.LegendText = "shipping calls accepted per second";
        accepted.MarkerSize = 0;
        if (throttled.Throttled > 0)
        {
            var refused = plot.Add.Scatter(seconds, [.. throttled.ShippingTimeline.Select(point => (double)point.Throttled)]);
            refused.LegendText = "429 answers per second";
            refused.Color = Colors.Red;
            refused.MarkerSize = 0;
        }

        var allowed = plot.Add.HorizontalLine(throttled.Sellers.Count * throttled.Limits.Shipping.PerSecond);
        allowed.LegendText = $"allowed after the first burst: {throttled.Sellers.Count} sellers x {throttled.Limits.Shipping.PermitsPerMinute}/min";
        allowed.LinePattern = LinePattern.Dashed;
        plot.Title($"Throttled Walmart: shipping calls, {Units.Percent(throttled.ShareOfAllowedRate, 1)} of the allowed rate");
        plot.XLabel("seconds since the first Walmart call");
        plot.YLabel("calls per second");
        plot.Axes.SetLimitsY(0, Math.Max(throttled.ShippingTimeline.Max(point => point.Accepted), throttled.Sellers.Count * throttled.Limits.Shipping.PerSecond) * 1.2);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, directory, "throttled.png");
    }

    private static string? ThrottledLearntRate(BenchmarkReport report, string directory)
    {
        const int SellersShown = 3;
        if (report.Throttled is not { } throttled || !throttled.LearntShipping.Any(series => series.Points.Count > 0))
        {
            return null;
        }

        var plot = new Plot();
        foreach (var series in throttled.LearntShipping.Where(series => series.Points.Count > 0).Take(SellersShown))
        {
            var line = plot.Add.Scatter(series.Points.Select(point => point.Second).ToArray(), series.Points.Select(point => point.Rate).ToArray());
            line.LegendText = $"{series.Seller}: learnt (instance {string.Join(", ", series.Instances)})";
            line.MarkerSize = 3;
        }

        var granted = plot.Add.HorizontalLine(throttled.Limits.Shipping.PerSecond);
        granted.LegendText = $"granted by the sandbox: {throttled.Limits.Shipping.PermitsPerMinute}/min";
        granted.LinePattern = LinePattern.Dashed;
        granted.Color = Colors.Black;
        var ceiling = plot.Add.HorizontalLine(throttled.WorkerLimits.Shipping.PerSecond);
        ceiling.LegendText = $"configured in the workers: {throttled.WorkerLimits.Shipping.PermitsPerMinute}/min";
        ceiling.LinePattern = LinePattern.Dotted;
        ceiling.Color = Colors.Gray;
        if (double.IsFinite(throttled.SaturatedUntilSecond))
        {
            var spanEnd = plot.Add.VerticalLine(throttled.SaturatedUntilSecond);
            spanEnd.LegendText = "end of the measured span";
            spanEnd.LinePattern = LinePattern.Dotted;
            spanEnd.Color = Colors.Red;
        }

        plot.Title($"Throttled Walmart, {throttled.Instances} workers: learnt shipping rate against the grant");
        plot.XLabel("seconds since the first event was published");
        plot.YLabel("shipping calls per second");
        plot.Axes.SetLimits(0, throttled.LearntShipping.Max(series => series.Points.Count == 0 ? 0 : series.Points[^1].Second) + 1, 0, throttled.WorkerLimits.Shipping.PerSecond * 1.15);
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, directory, "throttled-learnt-rate.png");
    }

    private static string? Backlog(BenchmarkReport report, string directory)
    {
        if (report.Backlog is not { } backlog)
        {
            return null;
        }

        var plot = new Plot();
        var perSecond = backlog.Timeline.PerSecond;
        var results = plot.Add.Scatter(Seconds(perSecond.Count), [.. perSecond.Select(count => (double)count)]);
        results.LegendText = "results per second";
        results.MarkerSize = 0;
        var offset = (backlog.DrainTime - backlog.DrainFromReady).TotalSeconds;
        var memory = backlog.Worker.Memory;
        if (memory.Count > 0)
        {
            var resident = plot.Add.Scatter(memory.Select(sample => sample.Seconds + offset).ToArray(), memory.Select(sample => Units.Megabytes(sample.ResidentMiB)).ToArray());
            resident.LegendText = "worker resident memory, MB (right axis)";
            resident.MarkerSize = 0;
            resident.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "MB";
            var limit = plot.Add.HorizontalLine(300);
            limit.Axes.YAxis = plot.Axes.Right;
            limit.LinePattern = LinePattern.Dashed;
            limit.Color = Colors.Red;
            limit.LegendText = "300 MB";
            plot.Axes.SetLimitsY(0, Math.Max(320, memory.Max(sample => Units.Megabytes(sample.ResidentMiB)) * 1.1), plot.Axes.Right);
        }

        plot.Title(backlog.Results.Complete
            ? $"Backlog of {backlog.Events:N0} events: drained in {backlog.DrainTime.TotalSeconds:N0} s"
            : $"Backlog of {backlog.Events:N0} events: {backlog.Results.Arrived:N0} of {backlog.Results.Expected:N0} results in {backlog.DrainTime.TotalSeconds:N0} s (not drained)");
        plot.XLabel("seconds since the worker was launched");
        plot.YLabel("results per second");
        plot.Axes.SetLimitsY(0, perSecond.DefaultIfEmpty(0).Max() * 1.2 + 1, plot.Axes.Left);
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, directory, "backlog.png");
    }

    private static double[] Seconds(int count) => [.. Enumerable.Range(0, count).Select(second => (double)second)];

    private static string Save(Plot plot, string directory, string name)
    {
        plot.SavePng(Path.Combine(directory, name), Width, Height);
        return name;
    }
}
