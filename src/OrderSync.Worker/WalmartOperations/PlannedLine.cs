namespace OrderSync.Worker.WalmartOperations;

/// <summary>A Walmart line, the quantity an operation ships or cancels on it, and the line's open quantity when it was planned.</summary>
public sealed record PlannedLine(string LineNumber, string Sku, int Quantity, int OpenBefore);
