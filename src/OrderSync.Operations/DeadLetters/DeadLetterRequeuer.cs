using System.Globalization;
using RabbitMQ.Client;

namespace OrderSync.Operations.DeadLetters;

/// <summary>Publishes copies of dead letters to the queues they failed on, each confirmed by the broker before it returns.</summary>
public sealed class DeadLetterRequeuer : IAsyncDisposable
{
    private readonly IChannel _channel;

    private DeadLetterRequeuer(IChannel channel) => _channel = channel;

    public static async Task<DeadLetterRequeuer> Open(IConnection connection, CancellationToken cancellationToken) =>
        new(await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken));

    /// <summary>
    /// Returns once the broker confirmed the copy; throws when it refused it or could not route it (mandatory, so a copy
    /// to a queue deleted meanwhile is returned, not dropped).
    /// </summary>
    public async Task Publish(DeadLetter message, Guid requeueId, DateTimeOffset requeuedAt, CancellationToken cancellationToken)
    {
        // The last line of defence: whatever chose the message, a copy only ever goes to one of the worker's queues.
        if (message.TargetQueue is not { } target || !WorkerQueues.IsWorkerQueue(target))
        {
            throw new InvalidOperationException($"dead letter {message.Id} has no worker queue to go back to: {message.RequeueRefusal}");
        }

        await _channel.BasicPublishAsync(string.Empty, target, mandatory: true, Copy(message, requeueId, requeuedAt), message.Body, cancellationToken);
    }

    /// <summary>
    /// The copy keeps the body, content type, message id and headers, less MassTransit's fault headers (a new fault sets its
    /// own) and the worker's redelivery count and first-failure time (an operator's retry starts a fresh retry budget: with
    /// the old first-failure time, already past the worker's horizon, one more transient failure would dead-letter it at once),
    /// and carries the requeue id the worker reports success with. It is persistent, and has no expiration, so a requeued
    /// message cannot silently vanish.
    /// </summary>
    public static BasicProperties Copy(DeadLetter message, Guid requeueId, DateTimeOffset requeuedAt)
    {
        var source = message.Properties;
        var headers = message.Headers
            .Where(header => !IsDropped(header.Key))
            .ToDictionary(header => header.Key, header => header.Value, StringComparer.Ordinal);
        headers[FaultHeaders.RequeueId] = requeueId.ToString();
        headers[FaultHeaders.RequeuedAt] = requeuedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        var copy = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, Headers = headers };
        if (source.IsContentTypePresent())
        {
            copy.ContentType = source.ContentType;
        }

        if (source.IsContentEncodingPresent())
        {
            copy.ContentEncoding = source.ContentEncoding;
        }

        if (source.IsMessageIdPresent())
        {
            copy.MessageId = source.MessageId;
        }

        if (source.IsCorrelationIdPresent())
        {
            copy.CorrelationId = source.CorrelationId;
        }

        if (source.IsTypePresent())
        {
            copy.Type = source.Type;
        }

        if (source.IsAppIdPresent())
        {
            copy.AppId = source.AppId;
        }

        if (source.IsReplyToPresent())
        {
            copy.ReplyTo = source.ReplyTo;
        }

        if (source.IsTimestampPresent())
        {
            copy.Timestamp = source.Timestamp;
        }

        if (source.IsPriorityPresent())
        {
            copy.Priority = source.Priority;
        }

        return copy;
    }

    public async ValueTask DisposeAsync() => await _channel.DisposeAsync();

    private static bool IsDropped(string header) =>
        header.StartsWith(FaultHeaders.FaultPrefix, StringComparison.Ordinal)
        || header == FaultHeaders.Reason
        || header == FaultHeaders.PublishSequenceNumber
        || header == FaultHeaders.RedeliveryCount
        || header == FaultHeaders.FirstFailure
        || header == FaultHeaders.RequeueId
        || header == FaultHeaders.RequeuedAt;
}
