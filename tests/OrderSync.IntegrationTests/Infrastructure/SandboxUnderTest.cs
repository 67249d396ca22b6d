using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using OrderSync.Testing;
using OrderSync.Walmart.Sandbox;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>The project's Walmart sandbox, hosted in the test process on a free loopback port, seeded with the sample orders.</summary>
public sealed class SandboxUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxUnderTest(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Admin = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Admin { get; }

    public static async Task<SandboxUnderTest> Start(params string[] settings)
    {
        var contentRoot = Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Walmart.Sandbox");
        var app = SandboxApp.Build(["--contentRoot", contentRoot, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        return new SandboxUnderTest(app, new Uri(app.Urls.First()));
    }

    /// <summary>The order as the sandbox holds it, in Walmart's shape.</summary>
    public async Task<JsonElement> Order(string purchaseOrderId) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"admin/orders/{purchaseOrderId}")).GetProperty("order");

    /// <summary>Line number to (status, quantity) pairs of the order's lines.</summary>
    public async Task<Dictionary<string, string[]>> LineStatuses(string purchaseOrderId)
    {
        var order = await Order(purchaseOrderId);
        return order.GetProperty("orderLines").GetProperty("orderLine").EnumerateArray().ToDictionary(
            line => line.GetProperty("lineNumber").GetString()!,
            line => line.GetProperty("orderLineStatuses").GetProperty("orderLineStatus").EnumerateArray()
                .Select(status => status.GetProperty("status").GetString()!)
                .ToArray());
    }

    /// <summary>The calls the sandbox received for one order, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> Calls(string purchaseOrderId) =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>($"admin/calls?purchaseOrderId={purchaseOrderId}")).EnumerateArray()];

    /// <summary>Every call the sandbox received, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> AllCalls() =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>("admin/calls")).EnumerateArray()];

    /// <summary>Seeds an order with a new purchase order id, one quantity-1 line per SKU given, acknowledged.</summary>
    public async Task<string> SeedOrder(params string[] skus) => await SeedOrderAs(NewPurchaseOrderId(), "walmart_us", skus);

    public async Task<string> SeedOrderAs(string purchaseOrderId, string seller, params string[] skus)
    {
        var order = new
        {
            seller,
            purchaseOrderId,
            customerOrderId = "C" + purchaseOrderId,
            methodCode = "Standard",
            lines = skus.Select((sku, index) => new { lineNumber = (index + 1).ToString(CultureInfo.InvariantCulture), sku, quantity = 1, status = "Acknowledged" }),
        };
        (await Admin.PostAsJsonAsync("admin/orders", order)).EnsureSuccessStatusCode();
        return purchaseOrderId;
    }

    public static string NewPurchaseOrderId() => Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A fault rule: see the sandbox's FaultRuleRequest (purchaseOrderId, operation, fault, latencyMs, rate, times).</summary>
    public async Task AddFault(object rule) => (await Admin.PostAsJsonAsync("admin/faults", rule)).EnsureSuccessStatusCode();

    public async Task ClearFaults() => (await Admin.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
