using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OrderSync.Ingress.Delivery;
using OrderSync.Ingress.Observability;
using OrderSync.Ingress.Publishing;
using OrderSync.Ingress.Signatures;
using Serilog;
using Serilog.Formatting.Compact;

namespace OrderSync.Ingress.Hosting;

public static partial class IngressHostExtensions
{
    public const string ServiceName = "ordersync-ingress";

    private const string PerClientAddress = "per-client-address";

    public static WebApplicationBuilder AddOrderSyncIngress(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<IngressOptions>().Bind(configuration.GetSection(IngressOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngressOptions>, IngressOptionsValidator>();
        services.AddOptions<BrokerOptions>().Bind(configuration.GetSection(BrokerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();

        // Webhook and health listen apart: the webhook faces the internet, health and metrics stay where Health__Urls says.
        var ingressUrls = configuration[$"{IngressOptions.Section}:Urls"] ?? new IngressOptions().Urls;
        var healthUrls = configuration[$"{HealthOptions.Section}:Urls"] ?? new HealthOptions().Urls;
        if (ListenUrls.Fault("Ingress__Urls", ingressUrls) is null && ListenUrls.Fault("Health__Urls", healthUrls) is null)
        {
            builder.WebHost.UseUrls([.. IngressOptions.Split(ingressUrls).Union(IngressOptions.Split(healthUrls))]);
        }

        var json = string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console();
            }
        });

        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(AdobePublicKeys.HttpClientName, http =>
            {
                http.Timeout = TimeSpan.FromSeconds(10);
                http.MaxResponseContentBufferSize = 64 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // One instance for the process: the key cache lives in it.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<AdobePublicKeys>(
            provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(AdobePublicKeys.HttpClientName)));
        services.AddSingleton<IPublicKeySource>(provider => provider.GetRequiredService<AdobePublicKeys>());
        services.AddSingleton<AdobeSignatures>();
        services.AddSingleton<CommerceEventPublisher>();
        services.AddHostedService<BrokerConnectionService>();
        services.AddSingleton<IngressMetrics>();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerClientAddress, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<IngressOptions>>().Value.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddHealthChecks().AddCheck<BrokerHealthCheck>("rabbitmq", tags: ["ready"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(IngressMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.RateLimiting")
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        return builder;
    }

    /// <summary>The webhook on <c>Ingress:Urls</c>'s ports; /health/live, /health/ready and /metrics on <c>Health:Urls</c>'s.</summary>
    public static WebApplication MapOrderSyncIngress(this WebApplication app)
    {
        var ingressPorts = ListenUrls.Ports(app.Services.GetRequiredService<IOptions<IngressOptions>>().Value.Urls);
        var healthPorts = ListenUrls.Ports(app.Services.GetRequiredService<IOptions<HealthOptions>>().Value.Urls);

        app.Use(async (context, next) =>
        {
            var webhook = context.Request.Path.StartsWithSegments(WebhookEndpoint.Path, StringComparison.Ordinal);
            if (!(webhook ? ingressPorts : healthPorts).Contains(context.Connection.LocalPort))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        app.UseRateLimiter();

        var webhook = app.MapGroup(WebhookEndpoint.Path).RequireRateLimiting(PerClientAddress);
        webhook.MapGet(string.Empty, WebhookEndpoint.Challenge);
        webhook.MapPost(string.Empty, WebhookEndpoint.Deliver);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.Write });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.Write });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>Runs until SIGTERM; a bad setting is one line per key on stderr and exit code 78, as the worker does.</summary>
    public static async Task<int> RunIngressAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (Faults(exception) is { Count: > 0 } faults)
        {
            foreach (var fault in faults)
            {
                await Console.Error.WriteLineAsync($"order-sync ingress: cannot start: {fault}");
            }

            return 78;
        }

        app.MapOrderSyncIngress();
        await app.RunAsync();
        return 0;
    }

    /// <summary>Each failed key's line, from a failed validation; empty when the failure is something else.</summary>
    public static IReadOnlyList<string> Faults(Exception exception)
    {
        var causes = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        var faults = new List<string>();
        foreach (var cause in causes)
        {
            if (cause is OptionsValidationException invalid)
            {
                faults.AddRange(invalid.Failures);
            }
            else if (cause is InvalidOperationException && UnconvertibleValue().Match(cause.Message) is { Success: true } match)
            {
                faults.Add($"{match.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)} is not a valid {match.Groups["type"].Value.Replace("System.", string.Empty, StringComparison.Ordinal)}");
            }
            else
            {
                return [];
            }
        }

        return faults;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to convert configuration value '.*' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex UnconvertibleValue();
}
