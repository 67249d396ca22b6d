using System.Text;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>Looks into the test's virtual host: queue depths, and the messages of a dead-letter queue.</summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly IConnection _connection;

    private BrokerProbe(IConnection connection) => _connection = connection;

    public static async Task<BrokerProbe> Connect(Uri rabbitMq) =>
        new(await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "test broker probe" }.CreateConnectionAsync());

    /// <returns>Messages ready in the queue, or 0 when it does not exist.</returns>
    public async Task<uint> Depth(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>Takes every message off a queue (the test owns the vhost), with its headers as strings.</summary>
    public async Task<IReadOnlyList<DeadLetter>> Take(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        var messages = new List<DeadLetter>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            var headers = (message.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                pair => pair.Key,
                pair => pair.Value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    null => string.Empty,
                    var other => other.ToString() ?? string.Empty,
                });
            messages.Add(new DeadLetter(headers, Encoding.UTF8.GetString(message.Body.Span), message.BasicProperties));
        }

        return messages;
    }

    /// <summary>Publishes a message straight to a queue, as an operator's requeue does.</summary>
    public async Task SendToQueue(string queue, DeadLetter message)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties(message.Properties)
        {
            Headers = message.Properties.Headers?.Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason").ToDictionary(),
        };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, Encoding.UTF8.GetBytes(message.Body));
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
