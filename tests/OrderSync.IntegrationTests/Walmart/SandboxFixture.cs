using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderSync.Walmart;
using OrderSync.Walmart.Sandbox;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>
/// The Walmart sandbox, started in-process on a free loopback port over real HTTP, with its sample seed
/// loaded. Use as a class or collection fixture, or <see cref="StartAsync"/> for a sandbox with other
/// settings (short token lifetime, throttling). Tests that change orders should seed their own with
/// <see cref="SeedOrderAsync"/> so that they can run side by side.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    public const string UsStore = "walmart_us";
    public const string CaStore = "walmart_ca";

    /// <summary>Credentials the sandbox accepts, keyed by Commerce store_code.</summary>
    public static readonly IReadOnlyDictionary<string, (string ClientId, string ClientSecret)> Sellers =
        new Dictionary<string, (string, string)>
        {
            [UsStore] = ("sandbox-walmart-us", "sandbox-secret-walmart-us"),
            [CaStore] = ("sandbox-walmart-ca", "sandbox-secret-walmart-ca"),
        };

    private readonly Dictionary<string, string?> sandboxSettings;
    private readonly List<ServiceProvider> clientProviders = [];
    private WebApplication? app;

    public SandboxFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected SandboxFixture(IDictionary<string, string?> settings)
    {
        sandboxSettings = new Dictionary<string, string?>(settings);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>An HttpClient on the sandbox's address, for /admin (and raw /v3 calls).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public static async Task<SandboxFixture> StartAsync(IDictionary<string, string?> sandboxSettings)
    {
        var fixture = new SandboxFixture(sandboxSettings);
        await fixture.InitializeAsync();
        return fixture;
    }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sandbox:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "seed", "sample-orders.json"),
        };
        foreach (var (store, (clientId, clientSecret)) in Sellers)
        {
            settings[$"Sandbox:Sellers:{store}:ClientId"] = clientId;
            settings[$"Sandbox:Sellers:{store}:ClientSecret"] = clientSecret;
        }

        foreach (var (key, value) in sandboxSettings)
        {
            settings[key] = value;
        }

        app = SandboxApp.Build([.. settings.Select(setting => $"--{setting.Key}={setting.Value}")]);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
        Admin = new HttpClient { BaseAddress = BaseUrl };
    }

    /// <summary>Walmart:* settings that point the client at this sandbox, with every sandbox seller.</summary>
    public Dictionary<string, string?> WalmartSettings(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = BaseUrl.ToString(),
            ["Walmart:ServiceName"] = "Walmart Marketplace",
        };
        foreach (var (store, (clientId, clientSecret)) in Sellers)
        {
            settings[$"Walmart:Sellers:{store}:ClientId"] = clientId;
            settings[$"Walmart:Sellers:{store}:ClientSecret"] = clientSecret;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A client built as the worker builds it (AddWalmartClient), configured for this sandbox.</summary>
    public IWalmartOrdersClient CreateClient(IDictionary<string, string?>? overrides = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWalmartClient(new ConfigurationBuilder().AddInMemoryCollection(WalmartSettings(overrides)).Build());
        var provider = services.BuildServiceProvider();
        lock (clientProviders)
        {
            clientProviders.Add(provider);
        }

        return provider.GetRequiredService<IWalmartOrdersClient>();
    }

    /// <summary>Seeds a new order with a fresh purchase order id: one line per SKU given, in that order.</summary>
    public async Task<string> SeedOrderAsync(string store, string status, params (string Sku, int Quantity)[] lines)
    {
        var purchaseOrderId = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var order = new JsonObject
        {
            ["seller"] = store,
            ["purchaseOrderId"] = purchaseOrderId,
            ["customerOrderId"] = "C" + purchaseOrderId,
            ["methodCode"] = "Standard",
            ["lines"] = new JsonArray(lines.Select((line, index) => (JsonNode)new JsonObject
            {
                ["lineNumber"] = (index + 1).ToString(CultureInfo.InvariantCulture),
                ["sku"] = line.Sku,
                ["quantity"] = line.Quantity,
                ["status"] = status,
            }).ToArray()),
        };

        using var response = await Admin.PostAsJsonAsync("/admin/orders", order);
        response.EnsureSuccessStatusCode();
        return purchaseOrderId;
    }

    public Task<string> SeedOrderAsync(params (string Sku, int Quantity)[] lines) => SeedOrderAsync(UsStore, "Acknowledged", lines);

    /// <summary>The order as the sandbox holds it: {"seller": ..., "order": {Walmart's shape}}.</summary>
    public async Task<JsonNode> AdminOrderAsync(string purchaseOrderId) =>
        (await Admin.GetFromJsonAsync<JsonNode>($"/admin/orders/{purchaseOrderId}"))!;

    /// <summary>The customer asks to cancel the line after ordering: POST /admin/orders/{po}/lines/{line}/intent-to-cancel.</summary>
    public async Task<HttpResponseMessage> MarkIntentToCancelAsync(string purchaseOrderId, string lineNumber) =>
        await Admin.PostAsync($"/admin/orders/{purchaseOrderId}/lines/{lineNumber}/intent-to-cancel", null);

    public async Task<JsonArray> CallsAsync(string? purchaseOrderId = null) =>
        (await Admin.GetFromJsonAsync<JsonArray>(purchaseOrderId is null ? "/admin/calls" : $"/admin/calls?purchaseOrderId={purchaseOrderId}"))!;

    /// <summary>Adds a fault rule; see the sandbox's FaultRuleRequest for the fields.</summary>
    public async Task AddFaultAsync(object rule)
    {
        using var response = await Admin.PostAsJsonAsync("/admin/faults", rule);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in clientProviders)
        {
            await provider.DisposeAsync();
        }

        Admin?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
