using Microsoft.Extensions.Options;
using OrderSync.Worker.Hosting;

namespace OrderSync.UnitTests.Hosting;

public sealed class RabbitMqTlsOptionsValidatorTests
{
    [Fact]
    public void A_missing_ca_file_and_tls_settings_on_plain_amqp_are_one_line_each()
    {
        var validator = new RabbitMqTlsOptionsValidator(Options.Create(new ConnectionStringsOptions { RabbitMq = "amqp://u:p@rabbitmq.internal/" }));

        var result = validator.Validate(null, new RabbitMqTlsOptions { CaFile = "/nowhere/ca.pem", ClientKeyFile = "/nowhere/client.key" });

        result.Failures.ShouldBe(
        [
            "RabbitMq__CaFile names a file that does not exist or cannot be read: /nowhere/ca.pem",
            "RabbitMq__ClientKeyFile names a file that does not exist or cannot be read: /nowhere/client.key",
            "RabbitMq__ClientKeyFile is set without RabbitMq__ClientCertificateFile",
            "RabbitMq__* TLS settings are set but ConnectionStrings__RabbitMq is not an amqps:// URI",
        ]);
    }

    [Fact]
    public void Amqps_without_settings_uses_the_system_roots_and_passes()
    {
        var validator = new RabbitMqTlsOptionsValidator(Options.Create(new ConnectionStringsOptions { RabbitMq = "amqps://u:p@rabbitmq.internal/" }));

        validator.Validate(null, new RabbitMqTlsOptions()).Succeeded.ShouldBeTrue();
    }
}
