using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using OrderSync.Ingress.Hosting;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>The ingress as it runs in production, hosted in the test process on loopback ports of its own.</summary>
public sealed class IngressUnderTest : IAsyncDisposable
{
    public const string ClientId = "4f7c-test-client";

    private readonly WebApplication _app;

    private IngressUnderTest(WebApplication app, Uri webhook, Uri health)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = webhook };
        Health = new HttpClient { BaseAddress = health };
    }

    /// <summary>On the webhook's address.</summary>
    public HttpClient Http { get; }

    /// <summary>On the health and metrics address.</summary>
    public HttpClient Health { get; }

    public static async Task<IngressUnderTest> Start(Uri rabbitMq, Uri keyServer, IDictionary<string, string?>? settings = null)
    {
        var webhook = new Uri($"http://127.0.0.1:{FreePort.Find()}/");
        var health = new Uri($"http://127.0.0.1:{FreePort.Find()}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Ingress"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = rabbitMq.ToString(),
            ["Ingress:Urls"] = webhook.GetLeftPart(UriPartial.Authority),
            ["Ingress:ClientId"] = ClientId,
            ["Ingress:PublicKeyBaseUrl"] = keyServer.ToString(),
            ["Ingress:PublishTimeout"] = "00:00:05",
            ["Health:Urls"] = health.GetLeftPart(UriPartial.Authority),
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("ORDERSYNC_TEST_LOG_LEVEL") ?? "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddOrderSyncIngress();
        var app = builder.Build();
        app.MapOrderSyncIngress();
        await app.StartAsync();
        return new IngressUnderTest(app, webhook, health);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Health.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
