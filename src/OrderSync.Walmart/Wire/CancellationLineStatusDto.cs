namespace OrderSync.Walmart.Wire;

internal sealed record CancellationLineStatusDto(string Status, string CancellationReason, QuantityDto StatusQuantity);
