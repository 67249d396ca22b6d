using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts;
using OrderSync.Worker.Messaging.Redelivery;
using RabbitMQ.Client;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Declares the contract's two exchanges before the bus starts, so Commerce publishers and result consumers can bind at any
/// time, even before the first result is sent.
/// </summary>
public sealed class BrokerTopologyService(
    IOptions<ConnectionStringsOptions> connections, IOptions<WorkerOptions> worker, ILogger<BrokerTopologyService> logger) : IHostedService
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

        foreach (var delay in worker.Value.EffectiveRedeliveryDelays)
        {
            var wait = WaitQueues.NameFor(delay);
            await channel.ExchangeDeclareAsync(wait, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(
                wait, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = string.Empty },
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(wait, wait, string.Empty, cancellationToken: cancellationToken);
        }

        logger.LogInformation("Exchanges {CommerceEvents} and {SyncResults} and the wait queues are declared", Topology.CommerceEventsExchange, Topology.SyncResultsExchange);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
