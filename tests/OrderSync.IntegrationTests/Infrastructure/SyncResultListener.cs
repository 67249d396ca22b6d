using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>Listens as Commerce does: its own queue bound to every result type on the results exchange.</summary>
public sealed class SyncResultListener : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<ReceivedResult> _results = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private SyncResultListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyCollection<ReceivedResult> Results => _results;

    public static async Task<SyncResultListener> Connect(Uri rabbitMq)
    {
        var connection = await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "test result listener" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(ContractNames.SyncResultsExchange, ExchangeType.Topic, durable: true);
        var queue = await channel.QueueDeclareAsync(queue: string.Empty, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, ContractNames.SyncResultsExchange, "#");

        var listener = new SyncResultListener(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var document = JsonDocument.Parse(delivery.Body);
            listener._results.Enqueue(new ReceivedResult(delivery.RoutingKey, delivery.BasicProperties.ContentType, document.RootElement.Clone()));
            listener._arrived.Release();
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return listener;
    }

    /// <summary>Waits for the first result that matches, however many others arrive meanwhile.</summary>
    public async Task<ReceivedResult> WaitFor(Func<ReceivedResult, bool> match, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _results.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", _results.Select(r => $"{r.Type} {r.Subject}"));
                throw new TimeoutException($"No matching sync result within the time allowed; received: [{seen}]");
            }
        }
    }

    public Task<ReceivedResult> WaitFor(string type, string purchaseOrderId, TimeSpan? timeout = null) =>
        WaitFor(r => r.Type == type && r.Subject == purchaseOrderId, timeout);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _arrived.Dispose();
    }
}
