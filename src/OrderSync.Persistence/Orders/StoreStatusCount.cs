namespace OrderSync.Persistence.Orders;

/// <summary>How many orders of a store are in a status.</summary>
public sealed record StoreStatusCount(string StoreCode, string Status, long Orders);
