namespace OrderSync.Contracts.Events;

public sealed record ShipmentItem(string OrderItemId, string Sku, int Quantity);
