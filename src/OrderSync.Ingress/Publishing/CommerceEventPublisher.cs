using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrderSync.Contracts;
using OrderSync.Ingress.Delivery;
using OrderSync.Ingress.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Ingress.Publishing;

/// <summary>
/// Publishes CloudEvents to <c>commerce.order-events</c> exactly as contract section 1 says a Commerce publisher does: the raw
/// JSON, the type as routing key, persistent, with publisher confirms. A plain RabbitMQ client, not MassTransit, so that no
/// envelope or header of MassTransit's is added to what the worker reads as Commerce's own bytes.
/// </summary>
public sealed partial class CommerceEventPublisher(IOptions<BrokerOptions> broker, IOptions<IngressOptions> ingress, ILogger<CommerceEventPublisher> logger) : IAsyncDisposable
{
    private const string ContentType = "application/cloudevents+json";

    private static readonly HashSet<string> TypesTheWorkerBinds = [.. Topology.CommerceEventTypes];

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentBag<IChannel> _idleChannels = [];
    private IConnection? _connection;

    public bool IsConnected => _connection is { IsOpen: true };

    /// <summary>Returns once the broker confirmed every event; throws <see cref="BrokerUnavailableException"/> otherwise.</summary>
    /// <remarks>
    /// An event of a type the worker binds must reach a queue (mandatory): one that no queue takes yet, before the worker first
    /// started, is answered 5xx rather than dropped by the exchange. Other types may go nowhere, as the contract allows.
    /// </remarks>
    public async Task Publish(IReadOnlyList<CommerceCloudEvent> events, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(ingress.Value.PublishTimeout);
        var cancellationToken = timeout.Token;
        IChannel? channel = null;
        try
        {
            channel = await Channel(cancellationToken);
            foreach (var cloudEvent in events)
            {
                var properties = new BasicProperties
                {
                    ContentType = ContentType,
                    DeliveryMode = DeliveryModes.Persistent,
                    MessageId = cloudEvent.Id,
                };
                await channel.BasicPublishAsync(
                    Topology.CommerceEventsExchange, cloudEvent.Type, mandatory: TypesTheWorkerBinds.Contains(cloudEvent.Type), properties, cloudEvent.Json, cancellationToken);
            }

            _idleChannels.Add(channel);
            channel = null;
        }
        catch (PublishException exception) when (exception.IsReturn)
        {
            throw new BrokerUnavailableException("No queue takes these events yet: is the worker started?", exception);
        }
        catch (Exception exception) when (!requestAborted.IsCancellationRequested)
        {
            throw new BrokerUnavailableException("RabbitMQ did not confirm the events.", exception);
        }
        finally
        {
            if (channel is not null)
            {
                await Discard(channel);
            }
        }
    }

    /// <summary>Connects and declares the exchange, if not done yet; used at start so that readiness reflects the broker.</summary>
    public async Task Connect(CancellationToken cancellationToken) => await Connection(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        while (_idleChannels.TryTake(out var channel))
        {
            await Discard(channel);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<IChannel> Channel(CancellationToken cancellationToken)
    {
        while (_idleChannels.TryTake(out var idle))
        {
            if (idle.IsOpen)
            {
                return idle;
            }

            await Discard(idle);
        }

        var connection = await Connection(cancellationToken);
        return await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
    }

    private async Task<IConnection> Connection(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                // Recovers by itself once made; until the first connection succeeds, each delivery tries again.
                var factory = new ConnectionFactory
                {
                    Uri = broker.Value.RabbitMqUri,
                    ClientProvidedName = "order-sync ingress",
                    AutomaticRecoveryEnabled = true,
                    NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
                };
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
                {
                    await channel.ExchangeDeclareAsync(Topology.CommerceEventsExchange, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);
                }

                LogConnected(logger);
                _connection = connection;
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private static async Task Discard(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ; commerce.order-events is declared")]
    private static partial void LogConnected(ILogger logger);
}
