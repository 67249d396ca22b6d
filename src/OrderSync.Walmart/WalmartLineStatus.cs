namespace OrderSync.Walmart;

public sealed record WalmartLineStatus(string Status, int Quantity);
