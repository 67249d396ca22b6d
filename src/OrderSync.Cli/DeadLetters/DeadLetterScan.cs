using OrderSync.Cli.Infrastructure;
using RabbitMQ.Client;

namespace OrderSync.Cli.DeadLetters;

/// <summary>
/// Every message of the dead-letter queues, read with basic.get and held unacknowledged: a requeue or purge acknowledges
/// the ones it moved, and disposing nacks the rest with requeue, so they stay where they were. Nothing is lost if the
/// command dies half-way: the broker returns unacknowledged messages to their queue when the channel closes.
/// </summary>
public sealed class DeadLetterScan : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly List<DeadLetter> _messages = [];
    private int _unacknowledged;

    private DeadLetterScan(IConnection connection, IChannel channel, DeadLetterQueueDiscovery discovery)
    {
        _connection = connection;
        _channel = channel;
        Discovery = discovery;
    }

    public DeadLetterQueueDiscovery Discovery { get; }

    public IReadOnlyList<DeadLetter> Messages => _messages;

    public IConnection Connection => _connection;

    public static async Task<DeadLetterScan> Read(DeadLetterSettings settings, string? queueFilter, CancellationToken cancellationToken)
    {
        var amqp = settings.RabbitMqUri();
        var connection = await Broker.Connect(amqp, cancellationToken);
        try
        {
            var discovery = await DeadLetterQueueDiscovery.Discover(connection, queueFilter, cancellationToken);
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var scan = new DeadLetterScan(connection, channel, discovery);
            var total = (int)Math.Min(int.MaxValue, discovery.Queues.Sum(queue => (long)queue.MessageCount));
            await OperatorProgress.Run(settings.Json, "reading dead letters", total, async step =>
            {
                foreach (var queue in discovery.Queues)
                {
                    await scan.ReadQueue(queue, step, cancellationToken);
                }

                return 0;
            });
            return scan;
        }
        catch
        {
            await connection.DisposeAsync();
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
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            // The broker requeues what a closed channel held unacknowledged: nothing to do.
        }
        finally
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    // Reads no more than the queue held when counted: dead letters arriving meanwhile wait for the next command.
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
