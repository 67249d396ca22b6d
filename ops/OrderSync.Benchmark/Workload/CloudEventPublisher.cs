using System.Text.Json;
using OrderSync.Testing.Commerce;
using RabbitMQ.Client;

namespace OrderSync.Benchmark.Workload;

/// <summary>
/// Publishes as Commerce does: raw CloudEvents JSON on the contract's topic exchange, routing key = type, persistent, with a plain
/// AMQP client and publisher confirms. Each event's <c>time</c> is the moment it is handed to the broker.
/// </summary>
public sealed class CloudEventPublisher : IAsyncDisposable
{
    /// <summary>Publishes not yet confirmed by the broker, at most.</summary>
    private const int ConfirmWindow = 256;

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private CloudEventPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<CloudEventPublisher> ConnectAsync(Uri rabbitMq, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "benchmark commerce publisher" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.ExchangeDeclareAsync(ContractNames.CommerceEventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        return new CloudEventPublisher(connection, channel);
    }

    /// <summary>Every event as fast as the broker takes them.</summary>
    public async Task PublishAllAsync(IEnumerable<PlannedEvent> events, CancellationToken cancellationToken)
    {
        var unconfirmed = new Queue<Task>();
        foreach (var planned in events)
        {
            unconfirmed.Enqueue(Send(planned, cancellationToken));
            if (unconfirmed.Count >= ConfirmWindow)
            {
                await unconfirmed.Dequeue();
            }
        }

        await Task.WhenAll(unconfirmed);
    }

    /// <summary>The events at a fixed rate, each at its due moment (catching up, never bunching ahead, if the machine stalls).</summary>
    public async Task PublishAtRateAsync(IReadOnlyList<PlannedEvent> events, double perSecond, CancellationToken cancellationToken)
    {
        var unconfirmed = new Queue<Task>();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var index = 0; index < events.Count; index++)
        {
            var due = TimeSpan.FromSeconds(index / perSecond) - System.Diagnostics.Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, cancellationToken);
            }

            unconfirmed.Enqueue(Send(events[index], cancellationToken));
            while (unconfirmed.Count > 0 && (unconfirmed.Peek().IsCompleted || unconfirmed.Count >= ConfirmWindow))
            {
                await unconfirmed.Dequeue();
            }
        }

        await Task.WhenAll(unconfirmed);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private Task Send(PlannedEvent planned, CancellationToken cancellationToken)
    {
        planned.PublishedAt = DateTimeOffset.UtcNow;
        var cloudEvent = planned.CloudEvent(planned.PublishedAt);
        var body = JsonSerializer.SerializeToUtf8Bytes(cloudEvent);
        var properties = new BasicProperties { ContentType = "application/cloudevents+json", DeliveryMode = DeliveryModes.Persistent, MessageId = planned.Id };
        return _channel.BasicPublishAsync(
            ContractNames.CommerceEventsExchange, cloudEvent["type"]!.GetValue<string>(), mandatory: false, properties, body, cancellationToken).AsTask();
    }
}
