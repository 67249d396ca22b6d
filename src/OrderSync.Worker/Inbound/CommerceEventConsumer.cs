using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts.Events;
using OrderSync.Persistence;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.Inbound;

/// <summary>
/// The intake: reads each raw CloudEvent Commerce published, validates it and hands the saga its meaning.
/// Each order's events are numbered in the order they are read here, the order the saga applies them in.
/// A wrong event throws <see cref="InvalidCommerceEventException"/>, which is not retried: it goes to the error queue with its reason.
/// </summary>
public sealed class CommerceEventConsumer(
    TimeProvider clock, EventArrivalLog arrivals, IOptions<WorkerOptions> options, OrderSyncMetrics metrics, ILogger<CommerceEventConsumer> logger) :
    IConsumer<CommerceCloudEvent>
{
    public async Task Consume(ConsumeContext<CommerceCloudEvent> context)
    {
        var body = context.ReceiveContext.Body.GetBytes();
        var size = body.Length;
        if (size > options.Value.MaxEventBytes)
        {
            var id = CommerceEnvelope.PeekId(body) is { } peeked ? $" {InvalidCommerceEventException.Shown(peeked)}" : string.Empty;
            throw new InvalidCommerceEventException($"The event{id} is {size} bytes, more than Worker:MaxEventBytes ({options.Value.MaxEventBytes}); it was not read.");
        }

        var envelope = CommerceEnvelope.Parse(body, clock);
        metrics.EventConsumed(envelope.Type);
        if (!CommerceEventTranslator.Handles(envelope.Type))
        {
            logger.LogDebug("Ignoring CloudEvent {EventId} of type {EventType}", envelope.Id, envelope.Type);
            return;
        }

        IOrderEvent? orderEvent;
        try
        {
            orderEvent = CommerceEventTranslator.Translate(envelope);
        }
        catch (InvalidCommerceEventException invalid) when (CommerceEventTranslator.Rejection(envelope, invalid.Message) is { } rejection)
        {
            await context.Publish(rejection, context.CancellationToken);
            throw new InvalidCommerceEventException(invalid.Message, invalid)
            {
                PurchaseOrderId = rejection.Context.PurchaseOrderId,
                StoreCode = rejection.Context.StoreCode,
            };
        }

        if (orderEvent is null)
        {
            logger.LogDebug("Order save {EventId} is not a cancellation: nothing to sync", envelope.Id);
            return;
        }

        var arrival = await arrivals.Record(orderEvent.CorrelationId, envelope.Id, context.CancellationToken);
        orderEvent = orderEvent.Arrived(arrival.Sequence, arrival.ArrivedAt);

        logger.LogInformation(
            "Received {EventType} {EventId} for Walmart order {PurchaseOrderId} of store {StoreCode}, its event number {ArrivalSequence}",
            envelope.Type, envelope.Id, orderEvent.Context.PurchaseOrderId, orderEvent.Context.StoreCode, arrival.Sequence);
        await context.Publish(orderEvent, orderEvent.GetType(), context.CancellationToken);
    }
}
