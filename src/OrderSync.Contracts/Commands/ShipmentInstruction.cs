using OrderSync.Contracts.Events;

namespace OrderSync.Contracts.Commands;

/// <summary>What to ship: Commerce items, mapped by the operation to Walmart lines by SKU and open quantity.</summary>
/// <param name="Lines">For a tracking update, the Walmart lines the shipment was sent on; empty for a first ship.</param>
public sealed record ShipmentInstruction(
    string ShipmentId,
    DateTimeOffset ShippedAt,
    IReadOnlyList<ShipmentItem> Items,
    ShipmentTrack Track,
    IReadOnlyList<string> Lines);
