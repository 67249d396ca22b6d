using System.Text.RegularExpressions;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary>The alert rules and the dashboard in ops/monitoring/: Prometheus accepts the rules, and every metric they name exists.</summary>
public sealed partial class MonitoringTests
{
    private static readonly string Rules = Path.Combine(RepositoryPaths.Root, "ops", "monitoring", "ordersync-alerts.yml");
    private static readonly string Dashboard = Path.Combine(RepositoryPaths.Root, "ops", "monitoring", "ordersync-dashboard.json");

    [Fact]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var (exitCode, output) = await TestTools.Run("promtool", "check", "rules", Rules);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("SUCCESS");
    }

    [Fact]
    public async Task Every_metric_the_rules_and_the_dashboard_name_is_on_the_workers_metrics_after_a_sync()
    {
        var named = MetricName().Matches(await File.ReadAllTextAsync(Rules) + await File.ReadAllTextAsync(Dashboard))
            .Select(match => match.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        named.Count.ShouldBeGreaterThan(10);

        // The worker in a process of its own: workers hosted by tests running beside this one share this process's meters.
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start();
        await using var results = await SyncResultListener.Connect(environment.RabbitMq);
        await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
        await using var worker = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, new Dictionary<string, string> { ["Retention__Interval"] = "00:00:02" });
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };
        var purchaseOrderId = await sandbox.SeedOrder("MUG");

        await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);

        var missing = await Eventually.Matches(
            async () =>
            {
                var exported = (await http.GetStringAsync("metrics")).Split('\n').Where(line => !line.StartsWith('#')).ToList();
                return string.Join(", ", named.Where(name => !exported.Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))));
            },
            missing => missing.Length == 0,
            "every metric named in ops/monitoring/ is exported",
            TimeSpan.FromSeconds(60));
        missing.ShouldBeEmpty();
    }

    [GeneratedRegex("ordersync_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
