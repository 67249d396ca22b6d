using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts;
using OrderSync.Worker.Messaging;
using OrderSync.Worker.Messaging.Redelivery;
using RabbitMQ.Client;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Declares the contract's two exchanges before the bus starts, so Commerce publishers and result consumers can bind at any
/// time, even before the first result is sent.
/// </summary>
public sealed class BrokerTopologyService(
    IOptions<ConnectionStringsOptions> connections, IOptions<RabbitMqTlsOptions> tls, IOptions<WorkerOptions> worker, ILogger<BrokerTopologyService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = BrokerConnections.Factory(connections.Value, tls.Value, "order-sync topology");
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

        await CheckIntakeQueues(connection, cancellationToken);
        logger.LogInformation("Exchanges {CommerceEvents} and {SyncResults} and the wait queues are declared", Topology.CommerceEventsExchange, Topology.SyncResultsExchange);
    }

    /// <summary>
    /// The intake queue, and its _error and _skipped queues once they exist, must be single-active-consumer queues. One
    /// declared by an earlier version without that argument would make MassTransit retry its declaration for ever (and a
    /// fault move loop): the worker stops at start instead, saying what to do.
    /// </summary>
    private async Task CheckIntakeQueues(IConnection connection, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?> { ["x-single-active-consumer"] = true };
        if (worker.Value.QuorumQueues)
        {
            arguments["x-queue-type"] = "quorum";
        }

        foreach (var queue in new[] { QueueNames.CommerceEvents, QueueNames.CommerceEvents + "_error", QueueNames.CommerceEvents + "_skipped" })
        {
            // Each check on a channel of its own: the broker closes the channel that asked a question it refuses.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                continue;
            }

            await using var declaring = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await declaring.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException refused) when (refused.ShutdownReason?.ReplyCode == 406)
            {
                throw new InvalidOperationException(
                    $"Queue {queue} was declared by a version of the worker from before 2026-12-02, without x-single-active-consumer " +
                    $"(RabbitMQ: {refused.ShutdownReason.ReplyText}). Move its messages aside, delete it and start again, as " +
                    "ops/RUNBOOK.md section 6 says (\"Upgrading past 2026-12-02\"); nothing is lost meanwhile if Commerce's events " +
                    "are kept in a queue bound as step 1 there says.",
                    refused);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
