namespace OrderSync.Cli.DeadLetters;

/// <summary>The filters of <c>list</c>, <c>requeue</c> and <c>purge</c>; each one given narrows, none given keeps all.</summary>
/// <param name="Queue">
/// A dead-letter queue (<c>walmart-sync.order-sync_error</c>), a worker queue (both its dead-letter queues), or a seller's
/// lane (the dead letters that failed on it, in the operations queue's).
/// </param>
/// <param name="Reason">Text found, in any case, in the reason or the exception type.</param>
/// <param name="PurchaseOrderId">The Walmart purchase order, exactly.</param>
/// <param name="Since">Dead-lettered within this long before now; a message with no time is left out.</param>
public sealed record DeadLetterFilter(string? Queue = null, string? Reason = null, string? PurchaseOrderId = null, TimeSpan? Since = null)
{
    public bool IncludesQueue(string deadLetterQueue) =>
        Queue is null
        || string.Equals(deadLetterQueue, Queue, StringComparison.Ordinal)
        || string.Equals(DeadLetterQueueNames.SourceQueue(deadLetterQueue), WorkerQueues.DeadLettersGoTo(Queue), StringComparison.Ordinal);

    public bool Matches(DeadLetter message, DateTimeOffset now) =>
        IncludesQueue(message.Queue)
        && (Queue is null || !WorkerQueues.IsLane(Queue) || string.Equals(message.TargetQueue, Queue, StringComparison.Ordinal))
        && (Reason is null
            || message.Reason.Contains(Reason, StringComparison.OrdinalIgnoreCase)
            || (message.ExceptionType?.Contains(Reason, StringComparison.OrdinalIgnoreCase) ?? false))
        && (PurchaseOrderId is null || string.Equals(message.PurchaseOrderId, PurchaseOrderId, StringComparison.Ordinal))
        && (Since is not { } since || (message.FaultedAt is { } faultedAt && faultedAt >= now - since));
}
