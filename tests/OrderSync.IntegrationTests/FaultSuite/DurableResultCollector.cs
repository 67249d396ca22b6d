using System.Collections.Concurrent;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Collects the sync results as Commerce would, through a durable queue of its own bound to every result type, so that results
/// published while it is cut off (a broker restart) wait for it. Each is acknowledged only once kept; a result seen twice (the
/// same CloudEvent id) is counted as a duplicate, not kept twice.
/// </summary>
public sealed class DurableResultCollector : IAsyncDisposable
{
    private const string Queue = "fault-suite.sync-results";

    private readonly Uri _rabbitMq;
    private readonly ConcurrentQueue<ReceivedResult> _results = new();
    private readonly ConcurrentDictionary<string, bool> _ids = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _duplicates;
    private int _reconnects;

    private DurableResultCollector(Uri rabbitMq) => _rabbitMq = rabbitMq;

    public IReadOnlyCollection<ReceivedResult> Results => _results;

    /// <summary>Results received again with an id already seen.</summary>
    public int Duplicates => _duplicates;

    /// <summary>Times the collector lost its connection and connected again.</summary>
    public int Reconnects => _reconnects;

    public static async Task<DurableResultCollector> Start(Uri rabbitMq)
    {
        var collector = new DurableResultCollector(rabbitMq);
        await using (var connection = await collector.Connect())
        {
            // Declared before anything is published, so no result can pass by.
        }

        collector._loop = Task.Run(collector.Run);
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task<IConnection> Connect()
    {
        var factory = new ConnectionFactory
        {
            Uri = _rabbitMq,
            ClientProvidedName = "fault suite result collector",
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(ContractNames.SyncResultsExchange, ExchangeType.Topic, durable: true);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(Queue, ContractNames.SyncResultsExchange, "#");
        return connection;
    }

    private async Task Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await Connect();
                await using var channel = await connection.CreateChannelAsync();
                while (!_stop.IsCancellationRequested)
                {
                    var message = await channel.BasicGetAsync(Queue, autoAck: false);
                    if (message is null)
                    {
                        await Task.Delay(50, _stop.Token);
                        continue;
                    }

                    Keep(new ReceivedResult(message.RoutingKey, message.BasicProperties.ContentType, JsonDocument.Parse(message.Body).RootElement.Clone()));
                    await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _reconnects);
                try
                {
                    await Task.Delay(500, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Keep(ReceivedResult result)
    {
        var id = result.Body.GetProperty("id").GetString() ?? string.Empty;
        if (_ids.TryAdd(id, true))
        {
            _results.Enqueue(result);
        }
        else
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
