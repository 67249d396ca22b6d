using OrderSync.Cli.Infrastructure;
using RabbitMQ.Client;

namespace OrderSync.Cli.DeadLetters;

/// <summary>
/// Finds the dead-letter queues of the virtual host: every queue ending in <c>_error</c> or <c>_skipped</c> that the management
/// API lists, or, when it does not answer, those of the worker's queues that exist.
/// </summary>
public sealed record DeadLetterQueueDiscovery(IReadOnlyList<DeadLetterQueue> Queues, string Source, string? Problem)
{
    public const string FromManagementApi = "management API";
    public const string FromKnownQueues = "the worker's known queues";

    public static async Task<DeadLetterQueueDiscovery> Discover(
        IConnection connection, Uri amqp, string? managementOption, string? queueFilter, CancellationToken cancellationToken)
    {
        var (listed, problem) = await ManagementApi.QueueNames(ManagementApi.Url(amqp, managementOption), amqp, cancellationToken);
        var candidates = (listed?.Where(DeadLetterQueueNames.IsDeadLetterQueue) ?? DeadLetterQueueNames.KnownDeadLetterQueues.Concat(Named(queueFilter))).ToList();
        var filter = new DeadLetterFilter(Queue: queueFilter);

        var existing = await Broker.ExistingQueues(connection, candidates.Where(filter.IncludesQueue), cancellationToken);
        var queues = existing.Select(queue => new DeadLetterQueue(queue.Key, queue.Value)).OrderBy(queue => queue.Name, StringComparer.Ordinal).ToList();
        if (queueFilter is not null && queues.Count == 0)
        {
            var here = listed is null ? string.Empty : $" (dead-letter queues here: {(candidates.Count == 0 ? "none" : string.Join(", ", candidates))})";
            throw new CliException($"no dead-letter queue matches --queue {queueFilter}{here}");
        }

        return new DeadLetterQueueDiscovery(queues, listed is null ? FromKnownQueues : FromManagementApi, problem);
    }

    private static IEnumerable<string> Named(string? queue) =>
        queue is null ? []
        : DeadLetterQueueNames.IsDeadLetterQueue(queue) ? [queue]
        : [queue + DeadLetterQueueNames.ErrorSuffix, queue + DeadLetterQueueNames.SkippedSuffix];
}
