using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderSync.Testing;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Observability;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>The worker as it runs in production, hosted in the test process against the test's own vhost, database and sandbox.</summary>
public sealed class WorkerUnderTest : IAsyncDisposable
{
    private readonly WebApplication _host;

    private WorkerUnderTest(WebApplication host) => _host = host;

    /// <summary>Where /health/live, /health/ready and /metrics answer.</summary>
    public Uri HttpAddress => new(_host.Urls.First());

    public IServiceProvider Services => _host.Services;

    public static async Task<WorkerUnderTest> Start(IsolatedEnvironment environment, Uri walmartBaseUrl, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Worker"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = environment.RabbitMq.ToString(),
            ["ConnectionStrings:Postgres"] = environment.Postgres,
            ["Walmart:BaseUrl"] = walmartBaseUrl.ToString(),
            ["Walmart:RequestTimeout"] = "00:00:05",
            ["Walmart:Sellers:walmart_us:ClientId"] = "sandbox-walmart-us",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "sandbox-secret-walmart-us",
            ["Walmart:Sellers:walmart_ca:ClientId"] = "sandbox-walmart-ca",
            ["Walmart:Sellers:walmart_ca:ClientSecret"] = "sandbox-secret-walmart-ca",
            ["Health:Urls"] = "http://127.0.0.1:0",
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("ORDERSYNC_TEST_LOG_LEVEL") ?? "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddOrderSyncLogging().AddOrderSync();
        builder.AddOrderSyncObservability();
        var app = builder.Build();
        app.MapOrderSyncObservability();
        await app.StartAsync();
        return new WorkerUnderTest(app);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
