namespace OrderSync.Walmart;

/// <summary>One page of GET /v3/orders; <see cref="NextCursor"/> asks for the next one, null on the last.</summary>
public sealed record WalmartOrderPage(IReadOnlyList<WalmartOrder> Orders, int TotalCount, string? NextCursor);
