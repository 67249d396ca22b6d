using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderSync.UnitTests.Walmart;
using OrderSync.Walmart;
using OrderSync.Worker.Observability;

namespace OrderSync.UnitTests.Observability;

/// <summary>What /health/ready tells whoever reaches it: a status and fixed words per check.</summary>
public sealed class HealthReportTests
{
    [Fact]
    public async Task The_sellers_check_names_each_failing_store_with_the_kind_of_failure()
    {
        using var harness = new WalmartClientHarness(new Dictionary<string, string?>
        {
            ["Walmart:Sellers:walmart_ca:ClientId"] = "client-ca",
            ["Walmart:Sellers:walmart_ca:ClientSecret"] = "wrong-secret",
        });
        harness.Handler.OnToken = (request, _) => Task.FromResult(request.Header("Authorization") == "Basic " + Base64("client-ca:wrong-secret")
            ? FakeWalmartHandler.Json(HttpStatusCode.Unauthorized, """{"errors":{"error":[{"code":"UNAUTHORIZED.GMP_GATEWAY_API","description":"Invalid client id or client secret"}]}}""")
            : harness.Handler.IssueToken());
        var check = new WalmartSellersHealthCheck(harness.Services.GetRequiredService<WalmartSellerCheck>());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldBe("1 of 2 sellers cannot get a Walmart token: walmart_ca: Walmart refused the credentials (HTTP 401).");
        result.Data.ShouldBeEmpty();
        result.Exception.ShouldBeNull();
    }

    [Fact]
    public void The_report_shows_only_the_fixed_descriptions_of_the_projects_own_checks()
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                ["walmart-sellers"] = Entry(HealthStatus.Degraded, "1 of 2 sellers cannot get a Walmart token: walmart_ca: Walmart refused the credentials (HTTP 401).", own: true),
                ["postgres"] = Entry(HealthStatus.Unhealthy, "Failed to connect to db-secret-host:5432", own: true, new InvalidOperationException("Failed to connect to db-secret-host:5432")),
                ["masstransit-bus"] = Entry(HealthStatus.Unhealthy, "Not ready: rabbitmq://broker-secret-host/ Connect failed: user guest", own: false),
            },
            TimeSpan.FromMilliseconds(12));

        var json = HealthReportWriter.Render(report);

        json.ShouldNotContain("secret-host");
        json.ShouldNotContain("guest");
        var checks = JsonDocument.Parse(json).RootElement.GetProperty("checks");
        checks.GetProperty("walmart-sellers").GetProperty("description").GetString()
            .ShouldBe("1 of 2 sellers cannot get a Walmart token: walmart_ca: Walmart refused the credentials (HTTP 401).");
        checks.GetProperty("postgres").GetProperty("description").GetString().ShouldBe("Unhealthy; the worker's log says why.");
        checks.GetProperty("masstransit-bus").GetProperty("description").GetString().ShouldBe("Unhealthy; the worker's log says why.");
        foreach (var check in checks.EnumerateObject())
        {
            check.Value.EnumerateObject().Select(property => property.Name).ShouldBe(["status", "description"]);
        }
    }

    private static HealthReportEntry Entry(HealthStatus status, string description, bool own, Exception? exception = null) =>
        new(status, description, TimeSpan.FromMilliseconds(3), exception,
            new Dictionary<string, object> { ["endpoint"] = "rabbitmq://broker-secret-host/" },
            own ? [ObservabilityExtensions.ReadyTag, HealthReportWriter.FixedDescriptionTag] : [ObservabilityExtensions.ReadyTag, "masstransit"]);

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
