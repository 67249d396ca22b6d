using MassTransit;
using OrderSync.Worker.Messaging;
using OrderSync.Worker.Results;

namespace OrderSync.Worker.Saga.Outbox;

/// <summary>
/// Carries out what an order decided, after its state is saved: the one place that sends for it. A message may be delivered
/// more than once (after a crash between the broker's confirm and the outbox row's delete), so every receiver treats a copy
/// as nothing new: an operation runs once by its id, a result keeps its CloudEvent id, a released event or timer applies once.
/// </summary>
public sealed class OutboxDelivery(WalmartOperationLanes lanes, IHeldEventTimer timer, TimeProvider clock)
{
    /// <summary>Sends the messages in order, each once the broker confirmed the one before it; the caller removes them from the outbox.</summary>
    public async Task Deliver<TContext>(TContext context, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        where TContext : ISendEndpointProvider, IPublishEndpoint
    {
        foreach (var message in messages)
        {
            await Send(context, message, cancellationToken);
        }
    }

    private async Task Send<TContext>(TContext context, OutboxMessage message, CancellationToken cancellationToken)
        where TContext : ISendEndpointProvider, IPublishEndpoint
    {
        switch (message.Kind)
        {
            case OutboxMessage.Operation:
                var command = message.ReadOperation();
                var lane = await context.GetSendEndpoint(lanes.AddressFor(command.StoreCode));
                await lane.Send(command, cancellationToken);
                break;
            case OutboxMessage.Result:
                await context.SendSyncResult(message.ReadResult(), cancellationToken);
                break;
            case OutboxMessage.WakeUp:
                await timer.WakeUpLater(context, message.CorrelationId, message.ReadWakeUpTime() - clock.GetUtcNow(), cancellationToken);
                break;
            default:
                var released = message.ReadReleased();
                await context.Publish(released, released.GetType(), cancellationToken);
                break;
        }
    }
}
