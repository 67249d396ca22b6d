using OrderSync.Cli.Infrastructure;

namespace OrderSync.UnitTests.Cli;

public sealed class ConnectionSettingsTests
{
    [Theory]
    [InlineData("guest:s3cret@localhost:5672")]
    [InlineData("http://guest:s3cret@localhost:5672/")]
    [InlineData("http://guest:s3/cret@localhost:5672/")]
    [InlineData("http://guest:s3@cret@localhost:5672/")]
    [InlineData("Host=localhost:5672;Password=s3cret;User=guest")]
    public void A_broker_address_that_is_not_an_amqp_uri_is_refused_without_printing_its_password(string address)
    {
        var refusal = Should.Throw<CliException>(() => new ConnectionSettings { RabbitMq = address }.RabbitMqUri());

        refusal.Message.ShouldStartWith("--rabbitmq is not an AMQP URI");
        refusal.Message.ShouldNotContain("s3cret");
        refusal.Message.ShouldContain("localhost:5672");
    }
}
