using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderSync.Worker.OperatorPage;

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
        builder.AddOperatorPage();
        builder.Services.AddSingleton<SyncBacklogWatch>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SyncBacklogWatch>());
        builder.Services.AddHostedService<QueueDepthWatch>();
        builder.Services.AddSingleton<IHealthCheckPublisher, ReadinessGauge>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(2);
            options.Predicate = check => check.Tags.Contains(ReadyTag);
        });
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgres", tags: [ReadyTag, HealthReportWriter.FixedDescriptionTag])
            .AddCheck<WalmartSellersHealthCheck>("walmart-sellers", tags: [ReadyTag, HealthReportWriter.FixedDescriptionTag])
            .AddCheck<BrokerHealthCheck>("rabbitmq", tags: [ReadyTag, HealthReportWriter.FixedDescriptionTag]);

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
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.Write });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.Write });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOperatorPage();
        app.Services.GetRequiredService<OrderStatusCounts>();
        return app;
    }
}
