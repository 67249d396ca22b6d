using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Observability;

public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_with_the_broker_the_database_and_every_seller()
    {
        await using var stack = await SyncStack.Start();
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        (await http.GetAsync("health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await http.GetAsync("health/ready");
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        ready.StatusCode.ShouldBe(HttpStatusCode.OK, report.ToString());
        var checks = report.GetProperty("checks");
        checks.GetProperty("postgres").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("walmart-sellers").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.EnumerateObject().ShouldContain(c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task Readiness_goes_false_while_the_database_is_unreachable_and_comes_back_after()
    {
        await using var stack = await SyncStack.Start();
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };
        (await http.GetAsync("health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SetConnectionsAllowed(stack.Environment, allowed: false);
        try
        {
            await Eventually.True(async () => (await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "readiness to go false");
            (await http.GetAsync("health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

            using var report = await http.GetAsync("health/ready");
            var body = await report.Content.ReadAsStringAsync();
            JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("postgres").GetProperty("description").GetString()!
                .ShouldMatch(@"^PostgreSQL (does not answer|refused the check \(SQLSTATE [0-9A-Z]{5}\))\.$");
            body.ShouldNotContain(stack.Environment.Name, customMessage: "PostgreSQL's own message names the database");
        }
        finally
        {
            await SetConnectionsAllowed(stack.Environment, allowed: true);
        }

        await Eventually.True(async () => (await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK, "readiness to come back");
    }

    [Fact]
    public async Task Metrics_show_the_consumed_event_the_walmart_calls_and_the_order_status_after_a_sync()
    {
        await using var stack = await SyncStack.Start();
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        await stack.Commerce.Publish(JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Sample("shipment-saved.json")))!);
        await stack.Results.WaitFor("walmart.order.shipment.synced", "108829735420014");

        var metrics = (await http.GetStringAsync("metrics")).Split('\n');
        Series(metrics, "ordersync_events_consumed_total", "type=\"com.adobe.commerce.observer.sales_order_shipment_save_after\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(metrics, "ordersync_walmart_calls_total", "operation=\"ship\"", "outcome=\"Success\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(metrics, "ordersync_walmart_calls_total", "operation=\"get-order\"", "outcome=\"Success\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(metrics, "ordersync_walmart_call_duration_seconds_count", "operation=\"ship\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(metrics, "ordersync_orders", "status=\"Partially Shipped\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(metrics, "ordersync_sync_latency_seconds_count", "type=\"walmart.order.shipment.synced\"").ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>
    /// The largest value of the Prometheus series of that name with those labels (in any order, among others such as
    /// otel_scope_name). Tests in parallel host other workers in this process, whose meters the exporter also reads.
    /// </summary>
    private static double Series(string[] lines, string name, params string[] labels) =>
        lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l.Contains))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>Makes the test's own database refuse connections (and drops the open ones), as if its server had stopped.</summary>
    private static async Task SetConnectionsAllowed(IsolatedEnvironment environment, bool allowed)
    {
        var services = await LocalServices.Get();
        await using var connection = new NpgsqlConnection(services.Postgres);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"alter database \"{environment.Name}\" allow_connections {allowed}", connection);
        await alter.ExecuteNonQueryAsync();
        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = @name and pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("name", environment.Name);
            await terminate.ExecuteNonQueryAsync();
        }
    }
}
