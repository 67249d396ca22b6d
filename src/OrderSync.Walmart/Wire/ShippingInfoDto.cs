namespace OrderSync.Walmart.Wire;

internal sealed record ShippingInfoDto(string? MethodCode);
