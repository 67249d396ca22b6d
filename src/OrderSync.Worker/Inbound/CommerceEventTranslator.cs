using OrderSync.Contracts;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Inbound;

/// <summary>Turns a Commerce CloudEvent into the saga's event of the same meaning, or says which field is wrong.</summary>
public static class CommerceEventTranslator
{
    /// <returns>The event for the saga; null for an order save that is not a cancellation, which concerns nobody here.</returns>
    public static IOrderEvent? Translate(CommerceEnvelope envelope) => envelope.Type switch
    {
        Topology.ShipmentSavedType => Shipment(envelope),
        Topology.TrackSavedType => Track(envelope),
        Topology.OrderSavedType => Cancellation(envelope),
        _ => throw new ArgumentOutOfRangeException(nameof(envelope), envelope.Type, "Not a Commerce event type the worker handles."),
    };

    public static bool Handles(string type) => Topology.CommerceEventTypes.Contains(type);

    private static ShipmentReceived Shipment(CommerceEnvelope envelope)
    {
        var value = new CommercePayload(envelope.Value, "data.value");
        var context = Context(envelope, value, value.RequiredString("order_increment_id"));
        var items = value.Array("items", required: true)
            .Select(item => new ShipmentItem(item.RequiredString("order_item_id"), item.RequiredString("sku"), item.RequiredQuantity("qty")))
            .ToList();
        if (items.Count == 0)
        {
            throw new InvalidCommerceEventException("Field data.value.items is empty: the shipment ships nothing.");
        }

        return new ShipmentReceived
        {
            CorrelationId = OrderCorrelation.For(context.StoreCode, context.PurchaseOrderId),
            Context = context,
            ShipmentId = value.RequiredString("entity_id"),
            ShipmentIncrementId = value.OptionalString("increment_id") ?? value.RequiredString("entity_id"),
            ShippedAt = value.RequiredTimestamp("created_at"),
            Items = items,
            Tracks = [.. value.Array("tracks", required: false).Select(ReadTrack)],
        };
    }

    private static TrackReceived Track(CommerceEnvelope envelope)
    {
        var value = new CommercePayload(envelope.Value, "data.value");
        var context = Context(envelope, value, value.OptionalString("order_increment_id") ?? string.Empty);
        return new TrackReceived
        {
            CorrelationId = OrderCorrelation.For(context.StoreCode, context.PurchaseOrderId),
            Context = context,
            ShipmentId = value.RequiredString("parent_id"),
            Track = ReadTrack(value),
        };
    }

    private static CancellationRequested? Cancellation(CommerceEnvelope envelope)
    {
        var value = new CommercePayload(envelope.Value, "data.value");
        var state = value.OptionalString("state");
        var previousState = value.OptionalObject("_origData")?.OptionalString("state");
        if (!string.Equals(state, "canceled", StringComparison.OrdinalIgnoreCase)
            || string.Equals(previousState, "canceled", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var context = Context(envelope, value, value.OptionalString("increment_id") ?? string.Empty);
        var reason = value.OptionalString("cancellation_reason");
        return new CancellationRequested
        {
            CorrelationId = OrderCorrelation.For(context.StoreCode, context.PurchaseOrderId),
            Context = context,
            RequestedReason = reason,
            WalmartReason = CancellationReasons.ToWalmart(reason),
        };
    }

    private static ShipmentTrack ReadTrack(CommercePayload track) => new(
        track.RequiredString("entity_id"),
        track.RequiredString("carrier_code"),
        track.OptionalString("title"),
        track.RequiredString("track_number"),
        track.OptionalString("track_url"));

    private static OrderEventContext Context(CommerceEnvelope envelope, CommercePayload value, string orderIncrementId) => new(
        envelope.Id,
        envelope.Type,
        envelope.Time,
        value.RequiredString("store_code"),
        value.RequiredString("ext_order_id"),
        orderIncrementId);
}
