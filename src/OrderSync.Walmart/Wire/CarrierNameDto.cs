namespace OrderSync.Walmart.Wire;

/// <remarks>Exactly one is set: carrier for a name on Walmart's list, otherCarrier (with a tracking URL) for any other.</remarks>
internal sealed record CarrierNameDto(string? Carrier, string? OtherCarrier);
