namespace OrderSync.Walmart.Wire;

internal sealed record ShipmentRequestBody(OrderShipmentDto OrderShipment);
