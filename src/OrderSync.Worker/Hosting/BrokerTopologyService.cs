using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts;
using RabbitMQ.Client;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Declares the contract's two exchanges before the bus starts, so Commerce publishers and result consumers can bind at any
/// time, even before the first result is sent.
/// </summary>
public sealed class BrokerTopologyService(IOptions<ConnectionStringsOptions> connections, ILogger<BrokerTopologyService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = connections.Value.RabbitMqUri, ClientProvidedName = "order-sync topology" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var exchange in new[] { Topology.CommerceEventsExchange, Topology.SyncResultsExchange })
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        }

        logger.LogInformation("Exchanges {CommerceEvents} and {SyncResults} are declared", Topology.CommerceEventsExchange, Topology.SyncResultsExchange);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
