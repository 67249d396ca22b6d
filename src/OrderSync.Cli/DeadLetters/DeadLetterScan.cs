using OrderSync.Cli.Infrastructure;

namespace OrderSync.Cli.DeadLetters;

/// <summary>The worker's dead letters a command chose the queues of, held unacknowledged (<see cref="HeldDeadLetters"/>).</summary>
public sealed class DeadLetterScan : IAsyncDisposable
{
    private readonly HeldDeadLetters _held;

    private DeadLetterScan(HeldDeadLetters held, DeadLetterQueueDiscovery discovery)
    {
        _held = held;
        Discovery = discovery;
    }

    public DeadLetterQueueDiscovery Discovery { get; }

    public IReadOnlyList<DeadLetter> Messages => _held.Messages;

    public HeldDeadLetters Held => _held;

    public RabbitMQ.Client.IConnection Connection => _held.Connection;

    public static async Task<DeadLetterScan> Read(DeadLetterSettings settings, string? queueFilter, CancellationToken cancellationToken)
    {
        var connection = await Broker.Connect(settings.RabbitMqUri(), cancellationToken);
        try
        {
            var discovery = await DeadLetterQueueDiscovery.Discover(connection, queueFilter, cancellationToken);
            var total = (int)Math.Min(int.MaxValue, discovery.Queues.Sum(queue => (long)queue.MessageCount));
            var held = await OperatorProgress.Run(settings.Json, "reading dead letters", total, step =>
                HeldDeadLetters.Read(connection, discovery.Queues, step, cancellationToken));
            return new DeadLetterScan(held, discovery);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task Acknowledge(DeadLetter message, CancellationToken cancellationToken) => _held.Acknowledge(message, cancellationToken);

    public ValueTask DisposeAsync() => _held.DisposeAsync();
}
