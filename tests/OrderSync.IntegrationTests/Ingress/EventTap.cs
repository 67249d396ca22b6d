using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>A queue of the test's own bound to every routing key of commerce.order-events: what reached the exchange.</summary>
public sealed class EventTap : IAsyncDisposable
{
    private const string Queue = "test.ingress-tap";
    private readonly IConnection _connection;

    private EventTap(IConnection connection) => _connection = connection;

    public static async Task<EventTap> Bind(Uri rabbitMq)
    {
        var connection = await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "test ingress tap" }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(ContractNames.CommerceEventsExchange, ExchangeType.Topic, durable: true);
        await channel.QueueDeclareAsync(Queue, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(Queue, ContractNames.CommerceEventsExchange, "#");
        return new EventTap(connection);
    }

    public async Task<uint> Count()
    {
        await using var channel = await _connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(Queue)).MessageCount;
    }

    /// <summary>Takes every message off the tap.</summary>
    public async Task<IReadOnlyList<BasicGetResult>> Take()
    {
        await using var channel = await _connection.CreateChannelAsync();
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(Queue, autoAck: true) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
