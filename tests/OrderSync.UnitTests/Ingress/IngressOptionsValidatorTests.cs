using OrderSync.Ingress.Hosting;

namespace OrderSync.UnitTests.Ingress;

public sealed class IngressOptionsValidatorTests
{
    [Fact]
    public void The_defaults_with_a_client_id_are_valid()
    {
        var result = new IngressOptionsValidator().Validate(null, new IngressOptions { ClientId = "abc" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        new IngressOptions().PublicKeyBaseUrl.ShouldBe(new Uri("https://static.adobeioevents.com"));
        new IngressOptions().Urls.ShouldBe("http://127.0.0.1:8090");
    }

    [Fact]
    public void Each_bad_key_is_one_line_naming_it_as_an_environment_variable()
    {
        var result = new IngressOptionsValidator().Validate(null, new IngressOptions
        {
            ClientId = " ",
            Urls = "127.0.0.1:8090",
            PublicKeyBaseUrl = new Uri("http://keys.example.com"),
            MaxBodyBytes = 0,
            PermitsPerMinute = -1,
        });

        result.Failures!.Select(line => line.Split(' ')[0]).ShouldBe(
            ["Ingress__ClientId", "Ingress__Urls", "Ingress__PublicKeyBaseUrl", "Ingress__MaxBodyBytes", "Ingress__PermitsPerMinute"]);
        result.Failures!.ShouldAllBe(line => !line.Contains('\n'));
    }

    [Theory]
    [InlineData("https://static.adobeioevents.com", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://static.adobeioevents.com", false)]
    [InlineData("http://10.0.0.5:5000", false)]
    [InlineData("http://127.0.0.2:5000", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    [InlineData("https://static.adobeioevents.com/?x=1", false)]
    public void The_key_domain_must_be_https_except_on_a_loopback_address(string url, bool valid)
    {
        var result = new IngressOptionsValidator().Validate(null, new IngressOptions { ClientId = "abc", PublicKeyBaseUrl = new Uri(url) });

        result.Succeeded.ShouldBe(valid, result.FailureMessage);
    }

    [Fact]
    public void A_missing_broker_is_named_like_the_workers()
    {
        new BrokerOptionsValidator().Validate(null, new BrokerOptions()).FailureMessage.ShouldStartWith("ConnectionStrings__RabbitMq is missing");
        new BrokerOptionsValidator().Validate(null, new BrokerOptions { RabbitMq = "http://x" }).FailureMessage.ShouldStartWith("ConnectionStrings__RabbitMq is not an AMQP URI");
    }
}
