namespace OrderSync.Cli.DeadLetters;

/// <summary>MassTransit's dead-letter queues: <c>{queue}_error</c> for faults, <c>{queue}_skipped</c> for messages no consumer took.</summary>
public static class DeadLetterQueueNames
{
    public const string ErrorSuffix = "_error";
    public const string SkippedSuffix = "_skipped";

    /// <summary>The worker's queues; their dead-letter queues are looked for when the management API does not answer.</summary>
    public static IReadOnlyList<string> WorkerQueues { get; } =
    [
        "walmart-sync.commerce-events",
        "walmart-sync.order-sync",
        "walmart-sync.walmart-operations",
        "walmart-sync.operator-commands",
    ];

    public static IEnumerable<string> KnownDeadLetterQueues =>
        WorkerQueues.SelectMany(queue => new[] { queue + ErrorSuffix, queue + SkippedSuffix });

    public static bool IsDeadLetterQueue(string queue) =>
        queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) || queue.EndsWith(SkippedSuffix, StringComparison.Ordinal);

    public static bool IsSkipped(string queue) => queue.EndsWith(SkippedSuffix, StringComparison.Ordinal);

    /// <summary>The queue a dead-letter queue collects from: its name without the suffix.</summary>
    public static string SourceQueue(string deadLetterQueue) =>
        deadLetterQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? deadLetterQueue[..^ErrorSuffix.Length]
        : deadLetterQueue.EndsWith(SkippedSuffix, StringComparison.Ordinal) ? deadLetterQueue[..^SkippedSuffix.Length]
        : deadLetterQueue;

    /// <summary>
    /// The queue a dead letter failed on: the last path segment of MT-Fault-InputAddress
    /// (<c>rabbitmq://host/vhost/queue?...</c>), else the dead-letter queue's source queue.
    /// </summary>
    public static string TargetQueue(string deadLetterQueue, string? inputAddress)
    {
        if (Uri.TryCreate(inputAddress, UriKind.Absolute, out var address)
            && address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., var last]
            && Uri.UnescapeDataString(last) is { Length: > 0 } queue
            && !IsDeadLetterQueue(queue))
        {
            return queue;
        }

        return SourceQueue(deadLetterQueue);
    }
}
