using OrderSync.Contracts.Events;
using OrderSync.Walmart;

namespace OrderSync.Worker.Reconciliation;

/// <summary>An order's lines as the saga keeps them, from Walmart's order: after an operation, and when reconciling.</summary>
public static class WalmartLineStates
{
    public static IReadOnlyList<OrderLineState> Of(WalmartOrder order) =>
    [
        .. order.Lines.Select(l => new OrderLineState(l.LineNumber, l.Sku, l.Quantity, l.ShippedQuantity, l.CancelledQuantity)
        {
            Carrier = l.ShippedQuantity > 0 ? l.Carrier : null,
            TrackingNumber = l.ShippedQuantity > 0 ? l.TrackingNumber : null,
            CancellationReason = l.CancelledQuantity > 0 ? l.CancellationReason : null,
        }),
    ];
}
