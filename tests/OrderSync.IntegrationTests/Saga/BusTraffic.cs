using System.Collections.Concurrent;
using MassTransit;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Results;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// What the saga sent (Walmart operations, results) and which messages it has finished with. A message counts as processed only
/// after its whole receive pipeline ran, so what the saga sent after its commit has left: a test can then assert that nothing was sent.
/// </summary>
public sealed class BusTraffic : ISendObserver, IReceiveObserver
{
    private readonly ConcurrentQueue<ExecuteWalmartOperation> _commands = new();
    private readonly ConcurrentQueue<SyncResultCloudEvent> _results = new();
    private readonly ConcurrentDictionary<Guid, Exception?> _processed = new();
    private readonly ConcurrentDictionary<Guid, Exception> _lastConsumeFault = new();

    public IReadOnlyList<ExecuteWalmartOperation> Commands => [.. _commands];

    public IReadOnlyList<SyncResultCloudEvent> Results => [.. _results];

    public bool IsProcessed(Guid messageId, out Exception? fault) => _processed.TryGetValue(messageId, out fault);

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case ExecuteWalmartOperation command:
                _commands.Enqueue(command);
                break;
            case SyncResultCloudEvent result:
                _results.Enqueue(result);
                break;
        }

        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (MessageId(context) is { } id)
        {
            // A message that faulted on its last try is moved to its error queue and still counts as received.
            _processed.TryAdd(id, _lastConsumeFault.TryRemove(id, out var fault) ? fault : null);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _lastConsumeFault.TryRemove(id, out _);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _lastConsumeFault[id] = exception;
        }

        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        if (MessageId(context) is { } id)
        {
            _processed[id] = exception;
        }

        return Task.CompletedTask;
    }

    private static Guid? MessageId(ReceiveContext context) => context.GetMessageId();
}
