namespace OrderSync.Walmart.Wire;

internal sealed record ItemDto(string? Sku);
