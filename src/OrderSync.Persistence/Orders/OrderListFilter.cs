namespace OrderSync.Persistence.Orders;

/// <summary>Which orders a list shows: each filter is optional; newest change first, <see cref="Limit"/> from <see cref="Offset"/>.</summary>
public sealed record OrderListFilter(string? Status = null, string? StoreCode = null, DateTimeOffset? UpdatedSince = null, int Limit = 50, int Offset = 0);
