using System.Collections.Concurrent;
using System.Text.Json;
using OrderSync.Testing.Commerce;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderSync.Benchmark.Workload;

/// <summary>
/// Listens as Commerce does: a queue of its own bound with <c>#</c> to the results exchange (bound before any event is published),
/// and matches each result to the event it answers by <c>data.causationId</c>.
/// </summary>
public sealed class ResultCollector : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, PlannedEvent> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ObservedResult> _firstByCausation = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ObservedResult> _all = new();
    private TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expectedArrived;

    private ResultCollector(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Every result received, in arrival order.</summary>
    public IReadOnlyCollection<ObservedResult> All => _all;

    public int ExpectedArrived => Volatile.Read(ref _expectedArrived);

    public int ExpectedCount => _expected.Count;

    public static async Task<ResultCollector> ConnectAsync(Uri rabbitMq, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "benchmark result listener" }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(ContractNames.SyncResultsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, ContractNames.SyncResultsExchange, "#", cancellationToken: cancellationToken);

        var collector = new ResultCollector(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            collector.Receive(delivery);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return collector;
    }

    /// <summary>Names the events whose results complete the run; call before publishing.</summary>
    /// <remarks>Replaces the events expected before (a warm-up's): only these count from now on.</remarks>
    public void Expect(IEnumerable<PlannedEvent> events)
    {
        _expected.Clear();
        _firstByCausation.Clear();
        foreach (var planned in events.Where(e => e.ProducesResult))
        {
            _expected[planned.Id] = planned;
        }

        Volatile.Write(ref _expectedArrived, 0);
        _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_expected.IsEmpty)
        {
            _allArrived.TrySetResult();
        }
    }

    /// <returns>True when every expected result arrived within <paramref name="timeout"/>.</returns>
    public async Task<bool> WaitForAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _allArrived.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The first result answering each expected event, with the event.</summary>
    public IReadOnlyList<(PlannedEvent Event, ObservedResult Result)> Answered() =>
        [.. _expected.Values.Where(e => _firstByCausation.ContainsKey(e.Id)).Select(e => (e, _firstByCausation[e.Id]))];

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private void Receive(BasicDeliverEventArgs delivery)
    {
        var arrivedAt = DateTimeOffset.UtcNow;
        using var document = JsonDocument.Parse(delivery.Body);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var typeElement) ? typeElement.GetString() ?? delivery.RoutingKey : delivery.RoutingKey;
        string? causationId = null, status = null;
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            causationId = data.TryGetProperty("causationId", out var causation) ? causation.GetString() : null;
            status = data.TryGetProperty("orderStatus", out var orderStatus) ? orderStatus.GetString() : null;
        }

        var result = new ObservedResult(type, causationId ?? string.Empty, status, arrivedAt);
        _all.Enqueue(result);
        if (causationId is not null && _expected.ContainsKey(causationId) && _firstByCausation.TryAdd(causationId, result)
            && Interlocked.Increment(ref _expectedArrived) == _expected.Count)
        {
            _allArrived.TrySetResult();
        }
    }
}
