using Microsoft.Extensions.Options;

namespace OrderSync.Ingress.Hosting;

/// <summary>The worker's words for the same key: an operator sets both processes' RabbitMQ alike.</summary>
public sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RabbitMq))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings__RabbitMq is missing (an AMQP URI such as amqp://guest:guest@127.0.0.1:5672/)");
        }

        return Uri.TryCreate(options.RabbitMq, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("ConnectionStrings__RabbitMq is not an AMQP URI (expected amqp://user:password@host:port/vhost)");
    }
}
