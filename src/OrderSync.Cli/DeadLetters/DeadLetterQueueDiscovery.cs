using OrderSync.Cli.Infrastructure;
using RabbitMQ.Client;

namespace OrderSync.Cli.DeadLetters;

/// <summary>
/// Finds the worker's dead-letter queues that exist, by passive declares: only those (<see cref="WorkerQueues"/>), never
/// another application's <c>_error</c> queue in the same virtual host.
/// </summary>
public sealed record DeadLetterQueueDiscovery(IReadOnlyList<DeadLetterQueue> Queues)
{
    /// <summary>What list --json calls the way the queues were found.</summary>
    public const string Source = "the worker's known queues";

    public static async Task<DeadLetterQueueDiscovery> Discover(IConnection connection, string? queueFilter, CancellationToken cancellationToken)
    {
        if (WorkerQueues.Refusal(queueFilter) is { } refusal)
        {
            throw new CliException(refusal, ExitCodes.Usage);
        }

        var existing = await Broker.ExistingQueues(connection, WorkerQueues.DeadLetterQueues, cancellationToken);
        var filter = new DeadLetterFilter(Queue: queueFilter);
        var queues = existing
            .Where(queue => filter.IncludesQueue(queue.Key))
            .Select(queue => new DeadLetterQueue(queue.Key, queue.Value))
            .OrderBy(queue => queue.Name, StringComparer.Ordinal)
            .ToList();
        if (queueFilter is not null && queues.Count == 0)
        {
            var here = existing.Count == 0 ? "none" : string.Join(", ", existing.Keys.Order(StringComparer.Ordinal));
            throw new CliException($"no dead-letter queue matches --queue {queueFilter} (the worker's dead-letter queues here: {here})");
        }

        return new DeadLetterQueueDiscovery(queues);
    }
}
