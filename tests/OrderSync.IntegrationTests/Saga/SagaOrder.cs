using System.Globalization;
using OrderSync.Contracts;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Inbound;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>One Walmart purchase order as the saga's tests speak of it: the saga events the intake would make of Commerce's events.</summary>
public sealed class SagaOrder(string storeCode, string purchaseOrderId)
{
    public string StoreCode { get; } = storeCode;

    public string PurchaseOrderId { get; } = purchaseOrderId;

    public string OrderIncrementId { get; } = "INC-" + purchaseOrderId[^6..];

    public Guid CorrelationId { get; } = OrderCorrelation.For(storeCode, purchaseOrderId);

    public static SagaOrder New(string storeCode = "walmart_us") =>
        new(storeCode, Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture));

    public static ShipmentTrack Ups(string trackNumber) => new("t-" + trackNumber, "ups", "United Parcel Service", trackNumber, null);

    public ShipmentReceived Shipment(string shipmentId, string? trackNumber, params (string Sku, int Quantity)[] items) => new()
    {
        CorrelationId = CorrelationId,
        Context = Context(Topology.ShipmentSavedType),
        ShipmentId = shipmentId,
        ShipmentIncrementId = "0000" + shipmentId,
        ShippedAt = new DateTimeOffset(2026, 3, 14, 17, 2, 10, TimeSpan.Zero),
        Items = [.. items.Select((item, index) => new ShipmentItem((index + 1).ToString(CultureInfo.InvariantCulture), item.Sku, item.Quantity))],
        Tracks = trackNumber is null ? [] : [Ups(trackNumber)],
    };

    public TrackReceived Track(string shipmentId, string trackNumber) => new()
    {
        CorrelationId = CorrelationId,
        Context = Context(Topology.TrackSavedType),
        ShipmentId = shipmentId,
        Track = Ups(trackNumber),
    };

    /// <param name="reason">Commerce's cancellation_reason, translated as the intake does.</param>
    /// <param name="shipped">Units per SKU Commerce had shipped when it cancelled (its items' qty_shipped).</param>
    public CancellationRequested Cancellation(string? reason = "out_of_stock", params (string Sku, int Quantity)[] shipped) => new()
    {
        CorrelationId = CorrelationId,
        Context = Context(Topology.OrderSavedType),
        RequestedReason = reason,
        WalmartReason = CancellationReasons.ToWalmart(reason),
        ShippedInCommerce = [.. shipped.Select(s => new ShippedQuantity(s.Sku, s.Quantity))],
    };

    /// <summary>A new id and digest for each event: a copy is the same object delivered again.</summary>
    private OrderEventContext Context(string type) =>
        new(Guid.NewGuid().ToString(), type, DateTimeOffset.UtcNow, StoreCode, PurchaseOrderId, OrderIncrementId, Guid.NewGuid().ToString("N"));
}
