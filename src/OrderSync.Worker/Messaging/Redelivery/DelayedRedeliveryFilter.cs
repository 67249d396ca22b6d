using MassTransit;
using MassTransit.Middleware.InMemoryOutbox;
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
        // Where the endpoint holds what a consumer sends in an outbox (the saga's), this filter sits inside it; a failure it
        // turns into a redelivery returns normally, and that outbox would then send what the failed attempt sent (a command
        // of a saga state that was never saved). So the attempt's sends wait in an outbox of its own, dropped on failure.
        var attempt = context.ReceiveContext is InMemoryOutboxReceiveContext ? new InMemoryOutboxConsumeContext<T>(context) : null;
        try
        {
            await next.Send(attempt ?? context);
            if (attempt is not null)
            {
                await attempt.ExecutePendingActions(concurrentMessageDelivery: false);
            }
        }
        catch (Exception exception) when (TransientFailures.Classify(exception) is { } failure && !context.CancellationToken.IsCancellationRequested)
        {
            if (attempt is not null)
            {
                await attempt.DiscardPendingActions();
            }

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
