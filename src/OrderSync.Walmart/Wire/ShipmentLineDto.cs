namespace OrderSync.Walmart.Wire;

internal sealed record ShipmentLineDto(
    string LineNumber,
    string SellerOrderId,
    LineStatusesEnvelope<ShipmentLineStatusDto> OrderLineStatuses);
