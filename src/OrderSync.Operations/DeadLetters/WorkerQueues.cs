namespace OrderSync.Operations.DeadLetters;

/// <summary>
/// The worker's queues, the only ones the dead-letter commands and the on-call page read, move or delete messages in: its four named queues
/// (src/OrderSync.Worker/Messaging/QueueNames.cs) and a lane per Walmart seller account, <c>walmart-sync.walmart-operations.{key}</c>
/// (WalmartOperationLanes.cs). Its dead-letter queues are the <c>_error</c> and <c>_skipped</c> queues of the four named
/// queues; a lane has none of its own, its dead letters go to the operations queue's (LaneDeadLetterQueues.cs).
/// </summary>
public static class WorkerQueues
{
    public const string CommerceEvents = "walmart-sync.commerce-events";
    public const string OrderSync = "walmart-sync.order-sync";
    public const string WalmartOperations = "walmart-sync.walmart-operations";
    public const string OperatorCommands = "walmart-sync.operator-commands";

    private const string LanePrefix = WalmartOperations + ".";

    public static IReadOnlyList<string> Named { get; } = [CommerceEvents, OrderSync, WalmartOperations, OperatorCommands];

    public static IReadOnlyList<string> DeadLetterQueues { get; } =
        [.. Named.SelectMany(queue => new[] { queue + DeadLetterQueueNames.ErrorSuffix, queue + DeadLetterQueueNames.SkippedSuffix })];

    /// <summary>
    /// A seller account's lane: any key, since keys are store codes of the worker's configuration, which the CLI does not see.
    /// The lane prefix, not <c>walmart-sync.</c>: a copy sent to a wait queue (<c>walmart-sync.wait-30s</c>) would expire
    /// back into it for ever.
    /// </summary>
    public static bool IsLane(string queue) => queue.StartsWith(LanePrefix, StringComparison.Ordinal) && queue.Length > LanePrefix.Length;

    public static bool IsWorkerQueue(string queue) => Named.Contains(queue, StringComparer.Ordinal) || IsLane(queue);

    public static bool IsDeadLetterQueue(string queue) => DeadLetterQueues.Contains(queue, StringComparer.Ordinal);

    /// <summary>The named queue whose dead-letter queues take a worker queue's dead letters: a lane's go to the operations queue's.</summary>
    public static string DeadLettersGoTo(string workerQueue) => IsLane(workerQueue) ? WalmartOperations : workerQueue;

    /// <summary>Why <c>--queue</c> is refused, or null when it names one of the worker's queues or dead-letter queues.</summary>
    public static string? Refusal(string? queue) =>
        queue is null || IsWorkerQueue(queue) || IsDeadLetterQueue(queue)
            ? null
            : $"--queue {queue}: the CLI only handles the worker's own dead-letter queues, the _error and _skipped queues of {string.Join(", ", Named)}";
}
