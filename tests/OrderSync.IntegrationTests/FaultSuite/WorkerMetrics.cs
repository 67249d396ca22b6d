using System.Globalization;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>Reads a worker's Prometheus metrics (/metrics).</summary>
public static class WorkerMetrics
{
    /// <summary>The sum of a counter over all its label sets, e.g. <c>ordersync_retries_total</c>; 0 when absent.</summary>
    /// <param name="label">Only the label sets with this label, e.g. <c>seller="walmart_us"</c>.</param>
    public static async Task<double> Sum(WorkerProcess worker, string name, string? label = null)
    {
        using var http = new HttpClient { BaseAddress = worker.HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        var text = await http.GetStringAsync("metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(' ')[^1].Trim(), CultureInfo.InvariantCulture));
    }
}
