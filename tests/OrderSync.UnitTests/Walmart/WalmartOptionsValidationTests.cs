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

        failure.Failures.ShouldHaveSingleItem().ShouldStartWith("Walmart__BaseUrl must be an absolute https URL");
    }

    [Theory]
    [InlineData("http://marketplace.walmartapis.com")]
    [InlineData("http://10.0.0.7:5080/")]
    [InlineData("http://127.0.0.2/")]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused_naming_the_key(string baseUrl)
    {
        var failure = Should.Throw<OptionsValidationException>(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = baseUrl,
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "secret",
        }));

        failure.Failures.ShouldHaveSingleItem().ShouldStartWith("Walmart__BaseUrl must be https: plain http is allowed only on a loopback address");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    [InlineData("https://sandbox.internal/")]
    public void Plain_http_on_loopback_and_https_anywhere_start(string baseUrl)
    {
        Should.NotThrow(() => Start(new Dictionary<string, string?>
        {
            ["Walmart:BaseUrl"] = baseUrl,
            ["Walmart:Sellers:walmart_us:ClientId"] = "id",
            ["Walmart:Sellers:walmart_us:ClientSecret"] = "secret",
        }));
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
