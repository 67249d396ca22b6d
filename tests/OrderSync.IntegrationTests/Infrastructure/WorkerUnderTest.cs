using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderSync.Testing;
using OrderSync.Worker.Hosting;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>The worker as it runs in production, hosted in the test process against the test's own vhost, database and sandbox.</summary>
public sealed class WorkerUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerUnderTest(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<WorkerUnderTest> Start(IsolatedEnvironment environment, Uri walmartBaseUrl, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
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
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("ORDERSYNC_TEST_LOG_LEVEL") ?? "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddOrderSyncLogging();
        builder.AddOrderSync();
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerUnderTest(host);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
