using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

/// <summary>The real client, built through AddWalmartClient, over a <see cref="FakeWalmartHandler"/> and a hand-moved clock.</summary>
internal sealed class WalmartClientHarness : IDisposable
{
    public const string StoreCode = "walmart_us";
    public const string ClientId = "client-us";
    public const string ClientSecret = "secret-us";

    public WalmartClientHarness(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Walmart:BaseUrl"] = "https://walmart.test",
                [$"Walmart:Sellers:{StoreCode}:ClientId"] = ClientId,
                [$"Walmart:Sellers:{StoreCode}:ClientSecret"] = ClientSecret,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddWalmartClient(configuration);
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => Handler));
        Services = services.BuildServiceProvider();
    }

    public FakeWalmartHandler Handler { get; } = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public IWalmartOrdersClient Client => Services.GetRequiredService<IWalmartOrdersClient>();

    public static ShipLineRequest ShipLine(
        string lineNumber = "1", string carrierCode = "ups", string? title = "United Parcel Service", string? trackingUrl = null,
        string trackingNumber = "1Z999AA10123456784") =>
        new(lineNumber, 1, "000001187", new DateTimeOffset(2026, 3, 14, 17, 2, 10, TimeSpan.Zero),
            new TrackingDetails(carrierCode, title, trackingNumber, trackingUrl), "Standard");

    public void Dispose() => Services.Dispose();
}
