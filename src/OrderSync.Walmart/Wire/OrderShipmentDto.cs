namespace OrderSync.Walmart.Wire;

internal sealed record OrderShipmentDto(string? ProcessMode, OrderLinesEnvelope<ShipmentLineDto> OrderLines);
