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

    /// <summary>
    /// MassTransit declares a dead-letter queue with the arguments of the queue it collects from, and a lane's include single
    /// active consumer; the shared one, declared by lanes and by the plain operations queue alike, must carry none, or the
    /// second declaration is refused and the dead letter with it.
    /// </summary>
    public static void WithoutSingleActiveConsumer(IRabbitMqQueueBindingConfigurator settings)
    {
        if (settings is MassTransit.RabbitMqTransport.EntitySettings { ExchangeName: var name }
            && name.StartsWith(QueueNames.WalmartOperations + "_", StringComparison.Ordinal))
        {
            settings.SingleActiveConsumer = false;
        }
    }

    private static string SharedQueue(string queueName) =>
        queueName.StartsWith(QueueNames.WalmartOperations + ".", StringComparison.Ordinal) ? QueueNames.WalmartOperations : queueName;
}
