namespace OrderSync.Contracts.Events;

/// <summary>How many units of a SKU Commerce counts as shipped (its items' <c>qty_shipped</c>).</summary>
public sealed record ShippedQuantity(string Sku, int Quantity);
