namespace OrderSync.Walmart.Wire;

internal sealed record OrderResponseDto(OrderDto? Order);
