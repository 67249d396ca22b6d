using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartOptionsValidationTests
{
    [Fact]
    public void A_complete_configuration_starts()
    {
        Should.NotThrow(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = "https://marketplace.walmartapis.com",
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "secret",
        }));
    }

    [Fact]
    public void A_missing_base_url_stops_start_up_naming_the_key()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "secret",
        }));

        failure.Failures.ShouldContain("Walmart__BaseUrl is missing");
    }

    [Fact]
    public void An_auto_cancel_delay_of_zero_stops_start_up_naming_the_key()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = "https://marketplace.walmartapis.com",
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "secret",
            ["Walmart:AutoCancelAfterShipBy"] = "00:00:00",
        }));

        failure.Failures.ShouldContain("Walmart__AutoCancelAfterShipBy must be positive, such as 4.00:00:00 (4 days)");
    }

    [Fact]
    public void A_missing_client_secret_stops_start_up_naming_the_seller_key()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = "https://marketplace.walmartapis.com",
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
        }));

        failure.Failures.ShouldBe(["Walmart__Sellers__walmart_us__ClientSecret is missing"]);
    }

    [Fact]
    public void No_seller_at_all_stops_start_up()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = "https://marketplace.walmartapis.com",
        }));

        failure.Failures.ShouldHaveSingleItem().ShouldStartWith("Walmart__Sellers is missing");
    }

    [Fact]
    public void A_relative_base_url_is_refused()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = "marketplace.walmartapis.com",
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "secret",
        }));

        failure.Failures.ShouldHaveSingleItem().ShouldStartWith("Walmart__BaseUrl must be an absolute http(s) URL");
    }

    private static void Start(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWalmartClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
