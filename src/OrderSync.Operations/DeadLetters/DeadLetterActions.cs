using OrderSync.Persistence;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Operations.DeadLetters;

/// <summary>
/// What an operator does with a held dead letter, from the CLI or the on-call page alike. A requeue removes the dead letter
/// only once the broker confirmed the copy, and a purge only once every chosen message is archived: a failure at any point
/// leaves a message in one place or both, never in none.
/// </summary>
public static class DeadLetterActions
{
    public static async Task<Guid> Requeue(
        HeldDeadLetters held, DeadLetterRequeuer requeuer, DeadLetterRequeueLog log, DeadLetter message, string requeuedBy, CancellationToken cancellationToken)
    {
        var requeue = new DeadLetterRequeue
        {
            RequeueId = Guid.NewGuid(),
            MessageId = message.Id,
            DeadLetterQueue = message.Queue,
            TargetQueue = message.TargetQueue ?? throw new InvalidOperationException($"dead letter {message.Id} has no worker queue to go back to: {message.RequeueRefusal}"),
            Reason = message.Reason,
            PurchaseOrderId = message.PurchaseOrderId,
            RequeuedAt = DateTimeOffset.UtcNow,
            RequeuedBy = requeuedBy,
        };

        // Recorded before the copy is published: the worker may consume the copy at once and look for the row to resolve.
        await log.Record(requeue, cancellationToken);
        try
        {
            await requeuer.Publish(message, requeue.RequeueId, requeue.RequeuedAt, cancellationToken);
        }
        catch (Exception exception) when (exception is PublishException or OperationInterruptedException or AlreadyClosedException)
        {
            await log.Forget(requeue.RequeueId, CancellationToken.None);
            throw new DeadLetterNotRequeuedException(message, exception);
        }

        try
        {
            await held.Acknowledge(message, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationInterruptedException or AlreadyClosedException)
        {
            throw new DeadLetterInBothQueuesException(message, exception);
        }

        return requeue.RequeueId;
    }

    /// <summary>Archives all the chosen messages in one transaction, then acknowledges them one by one, calling back after each.</summary>
    public static async Task Purge(
        HeldDeadLetters held, DeadLetterArchive archive, IReadOnlyList<DeadLetter> chosen, string archivedBy, Action removed, CancellationToken cancellationToken)
    {
        if (chosen.Count == 0)
        {
            return;
        }

        await archive.Archive([.. chosen.Select(message => Archived(message, archivedBy))], cancellationToken);
        var acknowledged = 0;
        try
        {
            foreach (var message in chosen)
            {
                await held.Acknowledge(message, cancellationToken);
                acknowledged++;
                removed();
            }
        }
        catch (Exception exception)
        {
            throw new DeadLettersPartlyPurgedException(chosen.Count, acknowledged, exception);
        }
    }

    private static DeadLetterArchiveEntry Archived(DeadLetter message, string archivedBy) => new()
    {
        MessageId = message.Id,
        Queue = message.Queue,
        Reason = message.Reason,
        HeadersJson = HeaderValues.Json(message.Headers).ToJsonString(),
        Body = message.Body.ToArray(),
        ContentType = message.Properties.ContentType,
        ArchivedBy = archivedBy,
    };
}

/// <summary>The broker did not confirm the copy: the dead letter stays where it was, and the requeue record is taken back.</summary>
public sealed class DeadLetterNotRequeuedException(DeadLetter message, Exception cause)
    : Exception($"the copy of dead letter {message.Id} for {message.TargetQueue} was not confirmed", cause)
{
    public DeadLetter DeadLetter { get; } = message;
}

/// <summary>The copy was confirmed but the dead letter could not be removed: it is in both queues.</summary>
public sealed class DeadLetterInBothQueuesException(DeadLetter message, Exception cause)
    : Exception($"dead letter {message.Id} was requeued to {message.TargetQueue} but could not be removed from {message.Queue}, so it is in both", cause)
{
    public DeadLetter DeadLetter { get; } = message;
}

/// <summary>All were archived, but only <see cref="Removed"/> were acknowledged: the rest stay dead letters.</summary>
public sealed class DeadLettersPartlyPurgedException(int chosen, int removed, Exception cause)
    : Exception($"all {chosen} were archived; {removed} were removed, the rest stay dead letters", cause)
{
    public int Chosen { get; } = chosen;

    public int Removed { get; } = removed;
}
