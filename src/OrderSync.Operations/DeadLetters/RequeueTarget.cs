namespace OrderSync.Operations.DeadLetters;

/// <summary>Where requeue sends a dead letter, or why it will not: exactly one of the two is set.</summary>
public sealed record RequeueTarget(string? Queue, string? Refusal)
{
    /// <summary>
    /// The worker queue the dead letter failed on, as its MT-Fault-InputAddress names it (<c>rabbitmq://host/vhost/queue?...</c>),
    /// else the dead-letter queue's source queue. The header is anyone's to write, so it is taken only when it names a queue
    /// whose dead letters go to this dead-letter queue: the source queue itself, or one of the lanes that share the operations
    /// queue's. Anything else is refused, so a crafted header cannot move a message into another application's queue.
    /// </summary>
    public static RequeueTarget Of(string deadLetterQueue, string? inputAddress)
    {
        if (!WorkerQueues.IsDeadLetterQueue(deadLetterQueue))
        {
            return Refused($"{deadLetterQueue} is not one of the worker's dead-letter queues");
        }

        var source = DeadLetterQueueNames.SourceQueue(deadLetterQueue);
        if (string.IsNullOrWhiteSpace(inputAddress))
        {
            return new RequeueTarget(source, null);
        }

        if (!Uri.TryCreate(inputAddress, UriKind.Absolute, out var address)
            || address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is not [.., var last]
            || Uri.UnescapeDataString(last) is not { Length: > 0 } named)
        {
            return Refused($"its {FaultHeaders.InputAddress} names no queue");
        }

        // Never back into a dead-letter queue: a header naming one stands for its source queue.
        var queue = WorkerQueues.IsDeadLetterQueue(named) ? DeadLetterQueueNames.SourceQueue(named) : named;
        if (!WorkerQueues.IsWorkerQueue(queue))
        {
            return Refused($"its {FaultHeaders.InputAddress} names {queue}, which is not one of the worker's queues");
        }

        return WorkerQueues.DeadLettersGoTo(queue) == source
            ? new RequeueTarget(queue, null)
            : Refused($"its {FaultHeaders.InputAddress} names {queue}, whose dead letters do not go to {deadLetterQueue}");
    }

    private static RequeueTarget Refused(string reason) => new(null, reason);
}
