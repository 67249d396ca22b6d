using OrderSync.Contracts.Events;

namespace OrderSync.Contracts.Commands;

/// <param name="WalmartReason">The Walmart cancellation reason.</param>
/// <param name="ShippedInCommerce">
/// What Commerce had shipped when it cancelled: units of it Walmart does not show shipped yet belong to a shipment still on
/// its way, so they are left open rather than cancelled.
/// </param>
public sealed record CancellationInstruction(string WalmartReason, IReadOnlyList<ShippedQuantity>? ShippedInCommerce = null);
