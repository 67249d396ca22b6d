using System.Text.Json;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Publishes as Commerce does (raw CloudEvents, persistent, publisher confirms) and rides out a broker outage as a real publisher
/// must: a publish that is not confirmed is sent again on a new connection until it is, so an event may arrive twice, never zero times.
/// </summary>
public sealed class ResilientCommercePublisher : IAsyncDisposable
{
    private readonly Uri _rabbitMq;
    private readonly TimeSpan _giveUpAfter;
    private IConnection? _connection;
    private IChannel? _channel;

    public ResilientCommercePublisher(Uri rabbitMq, TimeSpan? giveUpAfter = null)
    {
        _rabbitMq = rabbitMq;
        _giveUpAfter = giveUpAfter ?? TimeSpan.FromMinutes(3);
    }

    /// <summary>Publishes that were not confirmed and were sent again.</summary>
    public int Retries { get; private set; }

    public Task Publish(JsonNode cloudEvent, string? contentType = "application/cloudevents+json") =>
        PublishRaw(JsonSerializer.SerializeToUtf8Bytes(cloudEvent), cloudEvent["type"]?.GetValue<string>() ?? "unknown", contentType);

    public async Task PublishRaw(byte[] body, string routingKey, string? contentType)
    {
        var deadline = DateTimeOffset.UtcNow + _giveUpAfter;
        while (true)
        {
            try
            {
                var channel = await Channel();
                var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
                await channel.BasicPublishAsync(ContractNames.CommerceEventsExchange, routingKey, mandatory: false, properties, body);
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"The broker did not confirm a publish for {_giveUpAfter}", exception);
                }

                Retries++;
                await Reset();
                await Task.Delay(500);
            }
        }
    }

    public async ValueTask DisposeAsync() => await Reset();

    private async Task<IChannel> Channel()
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await Reset();
        var factory = new ConnectionFactory
        {
            Uri = _rabbitMq,
            ClientProvidedName = "fault suite commerce publisher",
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ContinuationTimeout = TimeSpan.FromSeconds(10),
        };
        _connection = await factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await _channel.ExchangeDeclareAsync(ContractNames.CommerceEventsExchange, ExchangeType.Topic, durable: true);
        return _channel;
    }

    private async Task Reset()
    {
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        try
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A connection the broker already dropped: nothing left to close.
        }
    }
}
