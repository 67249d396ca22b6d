namespace OrderSync.Testing.Commerce;

/// <summary>An item of an order saved as canceled: units ordered, and units shipped before (null: not said).</summary>
public sealed record CommerceOrderItem(string Sku, int Ordered, int? Shipped = null);
