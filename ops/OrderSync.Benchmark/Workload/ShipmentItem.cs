namespace OrderSync.Benchmark.Workload;

/// <summary>A SKU and how many of its units a shipment ships.</summary>
public sealed record ShipmentItem(string Sku, int Quantity);
