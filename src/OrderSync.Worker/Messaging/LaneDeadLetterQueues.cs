using MassTransit;

namespace OrderSync.Worker.Messaging;

/// <summary>
/// Every seller's lane dead-letters into the one <c>walmart-sync.walmart-operations_error</c> (and <c>_skipped</c>), so an operator
/// finds failed operations in one place; each dead letter still names the lane it failed on, where a requeue sends it back.
/// </summary>
public sealed class LaneDeadLetterQueues : IErrorQueueNameFormatter, IDeadLetterQueueNameFormatter
{
    public string FormatErrorQueueName(string queueName) => SharedQueue(queueName) + "_error";

    public string FormatDeadLetterQueueName(string queueName) => SharedQueue(queueName) + "_skipped";

    private static string SharedQueue(string queueName) =>
        queueName.StartsWith(QueueNames.WalmartOperations + ".", StringComparison.Ordinal) ? QueueNames.WalmartOperations : queueName;
}
