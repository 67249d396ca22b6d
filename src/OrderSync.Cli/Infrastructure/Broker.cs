using RabbitMQ.Client;

namespace OrderSync.Cli.Infrastructure;

public static class Broker
{
    public static Task<IConnection> Connect(Uri uri, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = uri, ClientProvidedName = "ordersync cli" }.CreateConnectionAsync(cancellationToken);
}
