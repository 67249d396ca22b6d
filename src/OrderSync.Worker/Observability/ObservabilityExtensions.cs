using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrderSync.Worker.Observability;

public static class ObservabilityExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The OpenTelemetry service name, unless OTEL_SERVICE_NAME says otherwise.</summary>
    public const string ServiceName = "ordersync-worker";

    /// <summary>Health checks and Prometheus metrics on <c>Health:Urls</c> (default http://127.0.0.1:8080).</summary>
    public static WebApplicationBuilder AddOrderSyncObservability(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls(builder.Configuration["Health:Urls"] ?? "http://127.0.0.1:8080");

        builder.Services.AddSingleton<OrderStatusCounts>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<WalmartSellersHealthCheck>("walmart-sellers", tags: [ReadyTag])
            .AddCheck<BrokerHealthCheck>("rabbitmq", tags: [ReadyTag]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(OrderSyncMetrics.MeterName, "MassTransit")
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        // Traces (MassTransit's consume and send spans, Walmart HTTP calls, PostgreSQL commands) go where the standard
        // OTEL_EXPORTER_OTLP_* variables say; without an endpoint none are collected.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource("MassTransit", "Npgsql")
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>GET /health/live (the process runs), /health/ready (broker, database, sellers), /metrics.</summary>
    public static WebApplication MapOrderSyncObservability(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReport });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReport });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.Services.GetRequiredService<OrderStatusCounts>();
        return app;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        }));
    }
}
