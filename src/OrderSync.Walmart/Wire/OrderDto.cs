namespace OrderSync.Walmart.Wire;

internal sealed record OrderDto(
    string? PurchaseOrderId,
    string? CustomerOrderId,
    ShippingInfoDto? ShippingInfo,
    OrderLinesEnvelope<OrderLineDto>? OrderLines);
