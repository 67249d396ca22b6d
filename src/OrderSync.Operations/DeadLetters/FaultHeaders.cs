namespace OrderSync.Operations.DeadLetters;

/// <summary>Headers MassTransit puts on a message it moves to <c>_error</c> or <c>_skipped</c>, and ours.</summary>
public static class FaultHeaders
{
    public const string FaultPrefix = "MT-Fault-";
    public const string Reason = "MT-Reason";
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string Message = "MT-Fault-Message";
    public const string StackTrace = "MT-Fault-StackTrace";
    public const string Timestamp = "MT-Fault-Timestamp";
    public const string InputAddress = "MT-Fault-InputAddress";
    public const string ConsumerType = "MT-Fault-ConsumerType";
    public const string MessageType = "MT-Fault-MessageType";
    public const string RetryCount = "MT-Fault-RetryCount";

    /// <summary>Set by the worker on messages it dead-letters, when it knows the order.</summary>
    public const string PurchaseOrderId = "x-purchase-order-id";

    /// <summary>On a requeued copy: the dead_letter_requeue row the worker marks resolved once the copy is consumed.</summary>
    public const string RequeueId = "x-ordersync-requeue-id";

    public const string RequeuedAt = "x-ordersync-requeued-at";

    /// <summary>The worker's count of delayed redeliveries and the time of the first failure (its retry budget).</summary>
    public const string RedeliveryCount = "x-ordersync-redelivery-count";

    public const string FirstFailure = "x-ordersync-first-failure";

    /// <summary>RabbitMQ.Client's own publish sequence number, meaningless once the message is republished.</summary>
    public const string PublishSequenceNumber = "x-dotnet-pub-seq-no";
}
