using MassTransit;
using Microsoft.Extensions.Logging;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>
/// Outside the in-memory retries: a message that still fails for a transient reason (Walmart unavailable, the database
/// unreachable) or is throttled goes to a wait queue and comes back later, instead of holding a consumer or being dead-lettered.
/// Past the horizon it is handed to the message's <see cref="IRedeliveryExhausted{T}"/> handlers and dead-lettered.
/// </summary>
public sealed class DelayedRedeliveryFilter<T>(
    DelayedRedelivery redelivery,
    IEnumerable<IRedeliveryExhausted<T>> exhaustedHandlers,
    OrderSyncMetrics metrics,
    ILogger<DelayedRedeliveryFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception exception) when (TransientFailures.Classify(exception) is { } failure && !context.CancellationToken.IsCancellationRequested)
        {
            var plan = redelivery.Plan(context, failure.NotBefore);
            if (plan is null)
            {
                foreach (var handler in exhaustedHandlers)
                {
                    await handler.Exhausted(context, exception);
                }

                // No inner exception: MassTransit reports the innermost message as the dead letter's reason.
                throw new RedeliveryExhaustedException($"Still failing after retrying for {redelivery.Horizon}: {exception.GetType().Name}: {exception.Message}");
            }

            logger.LogWarning(
                "{MessageType} {MessageId} will be tried again in {Delay} ({Reason}): {Message}",
                typeof(T).Name, context.MessageId, plan.TimeToLive, failure.NotBefore is null ? $"failure {plan.Count}" : "throttled", exception.Message);
            await DelayedRedelivery.Redeliver(context, plan);

            // Handled: without this, MassTransit sees a message no consumer consumed and also moves a copy to {queue}_skipped.
            await context.NotifyConsumed(context, context.ReceiveContext.ElapsedTime, "delayed-redelivery");
            metrics.Retried(context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1], failure.NotBefore is null ? "failure" : "throttled");
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("delayedRedelivery");
}
