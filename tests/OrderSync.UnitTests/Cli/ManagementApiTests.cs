using OrderSync.Cli.DeadLetters;
using OrderSync.Cli.Infrastructure;

namespace OrderSync.UnitTests.Cli;

public sealed class ManagementApiTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/%2F", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/orders", "orders")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/my%20vhost", "my vhost")]
    public void The_virtual_host_is_the_uri_path(string amqp, string expected) => ManagementApi.VirtualHost(new Uri(amqp)).ShouldBe(expected);

    [Fact]
    public void By_default_the_api_is_on_the_broker_host_at_port_15672() =>
        ManagementApi.Url(new Uri("amqp://u:p@rabbit.internal:5672/v"), "").ShouldBe(new Uri("http://rabbit.internal:15672/"));

    [Fact]
    public void An_explicit_url_is_taken_as_given() =>
        ManagementApi.Url(new Uri("amqp://u:p@rabbit.internal:5672/v"), "https://admin.example:8443/rabbit").ShouldBe(new Uri("https://admin.example:8443/rabbit/"));

    [Fact]
    public void A_url_that_is_not_http_is_a_usage_error() =>
        Should.Throw<CliException>(() => ManagementApi.Url(new Uri("amqp://h/"), "ftp://h/")).ExitCode.ShouldBe(64);
}
