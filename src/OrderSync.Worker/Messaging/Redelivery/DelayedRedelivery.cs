using System.Globalization;
using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;
using OrderSync.Worker.Hosting;

namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>Decides when a message that failed for a transient reason comes back, and sends it to the wait queue.</summary>
public sealed class DelayedRedelivery(IOptions<WorkerOptions> options, TimeProvider clock)
{
    public const string CountHeader = "x-ordersync-redelivery-count";
    public const string FirstFailureHeader = "x-ordersync-first-failure";

    private static readonly ContentType RawJson = new("application/json");

    public IReadOnlyList<TimeSpan> Tiers => options.Value.EffectiveRedeliveryDelays;

    public TimeSpan Horizon => options.Value.RedeliveryHorizon;

    /// <param name="notBefore">For a throttle: the earliest time to try again. Null for a failure, which counts as an attempt.</param>
    /// <returns>Null when the message has been failing for longer than the horizon and should be given up.</returns>
    public RedeliveryPlan? Plan(ConsumeContext context, DateTimeOffset? notBefore)
    {
        var count = context.Headers.Get<int>(CountHeader) ?? 0;
        var firstFailure = context.Headers.Get<string>(FirstFailureHeader) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        return Plan(count, firstFailure, notBefore, Random.Shared.NextDouble());
    }

    /// <param name="count">Redeliveries after failures so far.</param>
    /// <param name="firstFailure">When the message first failed, if it failed before.</param>
    /// <param name="random">A number in [0, 1) that sets the jitter.</param>
    public RedeliveryPlan? Plan(int count, DateTimeOffset? firstFailure, DateTimeOffset? notBefore, double random)
    {
        var now = clock.GetUtcNow();
        var first = firstFailure ?? now;
        if (now - first >= options.Value.RedeliveryHorizon)
        {
            return null;
        }

        if (notBefore is { } time)
        {
            var wait = time > now ? time - now : TimeSpan.FromSeconds(1);
            var tier = Tiers.FirstOrDefault(t => t >= wait, Tiers[^1]);
            return new RedeliveryPlan(tier, wait > tier ? tier : wait, count, first);
        }

        var backoff = Tiers[Math.Min(count, Tiers.Count - 1)];
        return new RedeliveryPlan(backoff, backoff * (1 + (random * 0.2)), count + 1, first);
    }

    public static async Task Redeliver<T>(ConsumeContext<T> context, RedeliveryPlan plan)
        where T : class
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        var endpoint = await context.GetSendEndpoint(new Uri($"exchange:{WaitQueues.NameFor(plan.Tier)}?type=fanout"));
        await endpoint.Send(context.Message, send =>
        {
            send.MessageId = context.MessageId;
            send.CorrelationId = context.CorrelationId;
            send.ConversationId = context.ConversationId;
            send.Headers.Set(CountHeader, plan.Count);
            send.Headers.Set(FirstFailureHeader, plan.FirstFailure.ToString("O", CultureInfo.InvariantCulture));
            ThroughWaitQueue(send, queue, plan.TimeToLive);

            // A raw message (Commerce's CloudEvent, whose consumer reads the body itself) goes back byte for byte; serialized
            // again it would be its placeholder type. MassTransit's envelope is serialized again, so that it carries the
            // counting headers above.
            var received = context.ReceiveContext;
            if (received.ContentType?.MediaType != SystemTextJsonMessageSerializer.JsonContentType.MediaType)
            {
                send.Serializer = new CopyBodySerializer(received.ContentType ?? RawJson, received.Body);
            }
        }, context.CancellationToken);
    }

    /// <summary>Sends a message that reaches the queue after the delay (at least a second), through the wait queue of the first tier that holds it.</summary>
    public async Task SendLater<T>(ISendEndpointProvider sender, T message, string queue, TimeSpan delay, CancellationToken cancellationToken)
        where T : class
    {
        var wait = delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
        var tier = Tiers.FirstOrDefault(t => t >= wait, Tiers[^1]);
        var endpoint = await sender.GetSendEndpoint(new Uri($"exchange:{WaitQueues.NameFor(tier)}?type=fanout"));
        await endpoint.Send(message, send => ThroughWaitQueue(send, queue, wait > tier ? tier : wait), cancellationToken);
    }

    private static void ThroughWaitQueue(SendContext send, string queue, TimeSpan timeToLive)
    {
        send.SetRoutingKey(queue);
        if (send.TryGetPayload<RabbitMqSendContext>(out var rabbit))
        {
            // Per-message TTL, so jitter needs no extra queue; the tier's queue holds only messages of about the same wait.
            rabbit.BasicProperties.Expiration = ((long)Math.Ceiling(timeToLive.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
