using System.Text.Json;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>Publishes as Commerce does: raw CloudEvents JSON on the topic exchange, with a plain AMQP client, no MassTransit.</summary>
public sealed class CommercePublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private CommercePublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<CommercePublisher> Connect(Uri rabbitMq)
    {
        var connection = await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "test commerce publisher" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(ContractNames.CommerceEventsExchange, ExchangeType.Topic, durable: true);
        return new CommercePublisher(connection, channel);
    }

    /// <summary>Publishes a CloudEvent document, its routing key taken from its <c>type</c>.</summary>
    public async Task Publish(JsonNode cloudEvent, string? contentType = "application/cloudevents+json")
    {
        var type = cloudEvent["type"]?.GetValue<string>() ?? "unknown";
        await PublishRaw(JsonSerializer.SerializeToUtf8Bytes(cloudEvent), type, contentType);
    }

    public async Task PublishRaw(byte[] body, string routingKey, string? contentType, string exchange = ContractNames.CommerceEventsExchange)
    {
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
