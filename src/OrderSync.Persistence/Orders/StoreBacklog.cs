namespace OrderSync.Persistence.Orders;

/// <summary>A store's orders that still owe Walmart a Commerce event, and when the oldest such event was sent.</summary>
public sealed record StoreBacklog(string StoreCode, long Orders, DateTimeOffset OldestEventAt);
