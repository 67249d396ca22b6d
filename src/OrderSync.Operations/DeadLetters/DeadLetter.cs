using RabbitMQ.Client;

namespace OrderSync.Operations.DeadLetters;

/// <summary>A message in a dead-letter queue, read and held unacknowledged by the command that reads it.</summary>
public sealed record DeadLetter
{
    /// <summary>What the operator types: the message_id, or a hash of body and fault time (<see cref="MessageIds"/>).</summary>
    public required string Id { get; init; }

    public required string Queue { get; init; }

    /// <summary>Where requeue sends it: the worker queue it failed on; null when requeue refuses it.</summary>
    public string? TargetQueue { get; init; }

    /// <summary>Why requeue leaves it where it is, when it does (<see cref="RequeueTarget"/>).</summary>
    public string? RequeueRefusal { get; init; }

    public required ulong DeliveryTag { get; init; }

    public required IReadOnlyBasicProperties Properties { get; init; }

    public required IReadOnlyDictionary<string, object?> Headers { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>MT-Fault-Message for a fault; for a skipped message, that no consumer took it.</summary>
    public required string Reason { get; init; }

    public string? ExceptionType { get; init; }

    public string? StackTrace { get; init; }

    /// <summary>MT-Fault-Timestamp, else the AMQP timestamp; null when the message says neither.</summary>
    public DateTimeOffset? FaultedAt { get; init; }

    public string? PurchaseOrderId { get; init; }

    public string? MessageId => string.IsNullOrWhiteSpace(Properties.MessageId) ? null : Properties.MessageId;
}
