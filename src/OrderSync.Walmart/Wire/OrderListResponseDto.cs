namespace OrderSync.Walmart.Wire;

/// <summary>GET /v3/orders: {"list": {"meta": {...}, "elements": {"order": [...]}}}.</summary>
internal sealed record OrderListResponseDto(OrderListDto? List);

internal sealed record OrderListDto(OrderListMetaDto? Meta, OrderListElementsDto? Elements);

internal sealed record OrderListMetaDto(int? TotalCount, int? Limit, string? NextCursor);

internal sealed record OrderListElementsDto(IReadOnlyList<OrderDto>? Order);
