using System.Collections.Concurrent;
using MassTransit;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>
/// Watches a worker's bus: which copies of a Commerce event its saga has finished with, and which Walmart operations it sent that its
/// operation consumer has not finished with yet. "Finished" means the whole receive pipeline ran, outbox included, so what a message
/// caused has been sent by then.
/// </summary>
public sealed class WorkerTraffic : IConsumeObserver, IReceiveObserver, ISendObserver
{
    private readonly ConcurrentDictionary<Guid, string> _eventIdByMessage = new();
    private readonly ConcurrentDictionary<Guid, string> _operationsSent = new();
    private readonly ConcurrentDictionary<Guid, bool> _finished = new();

    public static WorkerTraffic Attach(WorkerUnderTest worker)
    {
        var traffic = new WorkerTraffic();
        var bus = worker.Get<IBus>();
        bus.ConnectConsumeObserver(traffic);
        bus.ConnectReceiveObserver(traffic);
        bus.ConnectSendObserver(traffic);
        return traffic;
    }

    /// <summary>How many copies of the Commerce event the saga has finished with.</summary>
    public int CopiesFinished(string eventId) =>
        _eventIdByMessage.Count(pair => pair.Value == eventId && _finished.ContainsKey(pair.Key));

    /// <summary>How many Commerce events (copies included) the saga of this worker has finished with.</summary>
    public int OrderEventsFinished => _eventIdByMessage.Keys.Count(_finished.ContainsKey);

    /// <summary>Walmart operations of the order sent and not yet finished by the operation consumer.</summary>
    public int OperationsOutstanding(string purchaseOrderId) =>
        _operationsSent.Count(pair => pair.Value == purchaseOrderId && !_finished.ContainsKey(pair.Key));

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Remember(context);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Remember(context);
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        Finish(context);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        Finish(context);
        return Task.CompletedTask;
    }

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is ExecuteWalmartOperation command && context.MessageId is { } messageId)
        {
            _operationsSent.TryAdd(messageId, command.PurchaseOrderId);
        }

        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    private void Remember<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is IOrderEvent orderEvent && context.MessageId is { } messageId)
        {
            _eventIdByMessage.TryAdd(messageId, orderEvent.Context.EventId);
        }
    }

    private void Finish(ReceiveContext context)
    {
        if (context.GetMessageId() is { } messageId)
        {
            _finished.TryAdd(messageId, true);
        }
    }
}
