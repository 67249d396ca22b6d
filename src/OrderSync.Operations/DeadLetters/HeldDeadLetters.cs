using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Operations.DeadLetters;

/// <summary>
/// Every message of some dead-letter queues, read with basic.get and held unacknowledged: a requeue or purge acknowledges
/// the ones it moved, and disposing nacks the rest with requeue, so they stay where they were. Nothing is lost if the
/// reader dies half-way: the broker returns unacknowledged messages to their queue when the channel closes.
/// Owns the connection it is given.
/// </summary>
public sealed class HeldDeadLetters : IAsyncDisposable
{
    private readonly IChannel _channel;
    private readonly List<DeadLetter> _messages = [];
    private int _unacknowledged;

    private HeldDeadLetters(IConnection connection, IChannel channel)
    {
        Connection = connection;
        _channel = channel;
    }

    public IReadOnlyList<DeadLetter> Messages => _messages;

    public IConnection Connection { get; }

    public static async Task<HeldDeadLetters> Read(IConnection connection, IEnumerable<DeadLetterQueue> queues, Action step, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var held = new HeldDeadLetters(connection, channel);
        try
        {
            foreach (var queue in queues)
            {
                await held.ReadQueue(queue, step, cancellationToken);
            }

            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    public async Task Acknowledge(DeadLetter message, CancellationToken cancellationToken)
    {
        await _channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
        _unacknowledged--;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_unacknowledged > 0 && _channel.IsOpen)
            {
                // Delivery tag 0 with multiple: every message still unacknowledged on the channel.
                await _channel.BasicNackAsync(0, multiple: true, requeue: true);
            }

            await _channel.CloseAsync();
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The broker requeues what a closed channel held unacknowledged: nothing to do.
        }
        finally
        {
            await _channel.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    // Reads no more than the queue held when counted: dead letters arriving meanwhile wait for the next reader.
    private async Task ReadQueue(DeadLetterQueue queue, Action step, CancellationToken cancellationToken)
    {
        for (var read = 0u; read < queue.MessageCount; read++)
        {
            var result = await _channel.BasicGetAsync(queue.Name, autoAck: false, cancellationToken);
            if (result is null)
            {
                return;
            }

            _unacknowledged++;
            _messages.Add(DeadLetterDecoder.Decode(queue.Name, result.DeliveryTag, result.BasicProperties, result.Body.ToArray()));
            step();
        }
    }
}
