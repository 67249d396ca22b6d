using System.Text.Json;
using MassTransit;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.Messaging;

/// <summary>Adds the purchase order and Walmart's errors to a message on its way to the _error queue.</summary>
public sealed class DeadLetterHeadersFilter(OrderSyncMetrics metrics) : IFilter<ExceptionReceiveContext>
{
    public const string PurchaseOrderHeader = "x-purchase-order-id";
    public const string StoreCodeHeader = "x-store-code";
    public const string WalmartErrorsHeader = "x-walmart-errors";

    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var details = Details(context.Exception);
        var purchaseOrderId = details?.PurchaseOrderId ?? FromMessage(context)?.PurchaseOrderId;
        var storeCode = details?.StoreCode ?? FromMessage(context)?.StoreCode;
        if (purchaseOrderId is not null)
        {
            context.ExceptionHeaders.Set(PurchaseOrderHeader, purchaseOrderId);
        }

        if (storeCode is not null)
        {
            context.ExceptionHeaders.Set(StoreCodeHeader, storeCode);
        }

        if (details is { WalmartErrors.Count: > 0 })
        {
            context.ExceptionHeaders.Set(WalmartErrorsHeader, JsonSerializer.Serialize(details.WalmartErrors, JsonSerializerOptions.Web));
        }

        metrics.DeadLettered(context.InputAddress.AbsolutePath.Split('/')[^1]);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterHeaders");

    private static IDeadLetterDetails? Details(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IDeadLetterDetails details)
            {
                return details;
            }
        }

        return null;
    }

    /// <remarks>Only MassTransit's own envelopes name their type; a raw Commerce event is read by the intake, which says what it found.</remarks>
    private static (string PurchaseOrderId, string StoreCode)? FromMessage(ExceptionReceiveContext context)
    {
        if (context.ContentType?.MediaType != "application/vnd.masstransit+json" || !context.TryGetPayload<ConsumeContext>(out var consume))
        {
            return null;
        }

        if (consume.TryGetMessage<ExecuteWalmartOperation>(out var command))
        {
            return (command.Message.PurchaseOrderId, command.Message.StoreCode);
        }

        IOrderEvent? orderEvent = consume.TryGetMessage<ShipmentReceived>(out var shipment) ? shipment.Message
            : consume.TryGetMessage<TrackReceived>(out var track) ? track.Message
            : consume.TryGetMessage<CancellationRequested>(out var cancellation) ? cancellation.Message
            : null;
        return orderEvent is null ? null : (orderEvent.Context.PurchaseOrderId, orderEvent.Context.StoreCode);
    }
}
