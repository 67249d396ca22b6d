namespace OrderSync.Walmart.Wire;

/// <param name="IntentToCancelOverride">True, or null to leave it out: Walmart's default is false.</param>
internal sealed record ShipmentLineDto(
    string LineNumber,
    bool? IntentToCancelOverride,
    string SellerOrderId,
    LineStatusesEnvelope<ShipmentLineStatusDto> OrderLineStatuses);
