using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderSync.Contracts;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;

namespace OrderSync.Worker.Inbound;

/// <summary>Turns a Commerce CloudEvent into the saga's event of the same meaning, or says which field is wrong.</summary>
public static partial class CommerceEventTranslator
{
    /// <returns>The event for the saga; null for an order save that is not a cancellation, which concerns nobody here.</returns>
    public static IOrderEvent? Translate(CommerceEnvelope envelope) => Topology.SaveAfterForm(envelope.Type) switch
    {
        Topology.ShipmentSavedType => Shipment(envelope),
        Topology.TrackSavedType => Track(envelope),
        Topology.OrderSavedType => Cancellation(envelope),
        _ => throw new ArgumentOutOfRangeException(nameof(envelope), envelope.Type, "Not a Commerce event type the worker handles."),
    };

    public static bool Handles(string type) => Topology.CommerceEventTypes.Contains(type);

    /// <summary>For an event that failed validation: the order it names, if it names one, so the order can show the error.</summary>
    public static CommerceEventRejected? Rejection(CommerceEnvelope envelope, string reason)
    {
        var value = new CommercePayload(envelope.Value, "data.value");
        try
        {
            var (storeCode, purchaseOrderId) = (value.OptionalString("store_code")?.ToLowerInvariant(), value.OptionalString("ext_order_id"));
            if (storeCode is null || purchaseOrderId is null || !PurchaseOrderIdPattern().IsMatch(purchaseOrderId))
            {
                return null;
            }

            var meaning = Topology.SaveAfterForm(envelope.Type);
            var increment = (meaning == Topology.OrderSavedType ? value.OptionalString("increment_id") : value.OptionalString("order_increment_id")) ?? string.Empty;
            return new CommerceEventRejected
            {
                CorrelationId = OrderCorrelation.For(storeCode, purchaseOrderId),
                Context = new OrderEventContext(envelope.Id, envelope.Type, envelope.Time, storeCode, purchaseOrderId, increment, ContentDigest(envelope)),
                Operation = meaning switch
                {
                    Topology.TrackSavedType => SyncOperations.TrackingUpdate,
                    Topology.OrderSavedType => SyncOperations.Cancellation,
                    _ => SyncOperations.Shipment,
                },
                Reason = reason,
            };
        }
        catch (InvalidCommerceEventException)
        {
            return null;
        }
    }

    private static ShipmentReceived Shipment(CommerceEnvelope envelope)
    {
        var value = new CommercePayload(envelope.Value, "data.value");
        var context = Context(envelope, value, value.RequiredString("order_increment_id"));
        var items = value.Array("items", required: true)
            .Select(item => new ShipmentItem(item.RequiredString("order_item_id"), item.RequiredString("sku", MaxSkuLength), item.RequiredQuantity("qty")))
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
        var reason = value.OptionalString("cancellation_reason", MaxCarrierLength);
        return new CancellationRequested
        {
            CorrelationId = OrderCorrelation.For(context.StoreCode, context.PurchaseOrderId),
            Context = context,
            RequestedReason = reason,
            WalmartReason = CancellationReasons.ToWalmart(reason),
            ShippedInCommerce = ShippedInCommerce(value),
        };
    }

    /// <summary>
    /// Units per SKU the order's items count as shipped. Child items (of a configurable or bundle, with a
    /// <c>parent_item_id</c>) repeat their parent's quantities, so only top-level items count.
    /// </summary>
    private static List<ShippedQuantity> ShippedInCommerce(CommercePayload value) =>
    [
        .. value.Array("items", required: false)
            .Where(item => item.OptionalString("parent_item_id") is null)
            .Select(item => (Sku: item.OptionalString("sku", MaxSkuLength), Quantity: item.OptionalWholeQuantity("qty_shipped")))
            .Where(item => item.Sku is not null && item.Quantity > 0)
            .GroupBy(item => item.Sku!, StringComparer.Ordinal)
            .Select(g => new ShippedQuantity(g.Key, g.Sum(item => item.Quantity))),
    ];

    private static ShipmentTrack ReadTrack(CommercePayload track) => new(
        track.RequiredString("entity_id"),
        track.RequiredString("carrier_code", MaxCarrierLength),
        track.OptionalString("title", MaxCarrierLength),
        track.RequiredString("track_number", MaxTrackingNumberLength),
        track.OptionalString("track_url", MaxTrackUrlLength));

    /// <summary>
    /// Who the event concerns. Store codes key sagas, lanes and credentials in one case (Commerce's are lower case); a purchase
    /// order id goes into Walmart's URLs, so only what Walmart's ids can be is let through.
    /// </summary>
    private static OrderEventContext Context(CommerceEnvelope envelope, CommercePayload value, string orderIncrementId)
    {
        var purchaseOrderId = value.RequiredString("ext_order_id");
        if (!PurchaseOrderIdPattern().IsMatch(purchaseOrderId))
        {
            throw new InvalidCommerceEventException(
                $"Field data.value.ext_order_id is '{InvalidCommerceEventException.Shown(purchaseOrderId)}', not 1 to 32 letters, digits, '-' or '_' as a Walmart purchase order id is.");
        }

        return new(envelope.Id, envelope.Type, envelope.Time, value.RequiredString("store_code").ToLowerInvariant(), purchaseOrderId, orderIncrementId, ContentDigest(envelope));
    }

    // What Walmart takes: a SKU of up to 50 characters; carrier names, reasons, tracking numbers and URLs of reasonable length.
    private const int MaxSkuLength = 50;
    private const int MaxCarrierLength = 100;
    private const int MaxTrackingNumberLength = 100;
    private const int MaxTrackUrlLength = 2048;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex PurchaseOrderIdPattern();

    /// <summary>Of the payload written compactly, so that only a change of contents, not of layout, changes it.</summary>
    private static string ContentDigest(CommerceEnvelope envelope) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(envelope.Value)));
}
