using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Infrastructure;

public sealed record DeadLetter(IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyBasicProperties Properties)
{
    public string Reason => Headers.GetValueOrDefault("MT-Fault-Message", string.Empty);
}
