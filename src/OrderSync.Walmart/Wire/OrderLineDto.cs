namespace OrderSync.Walmart.Wire;

internal sealed record OrderLineDto(
    string? LineNumber,
    ItemDto? Item,
    QuantityDto? OrderLineQuantity,
    LineStatusesEnvelope<OrderLineStatusDto>? OrderLineStatuses);
