namespace OrderSync.Benchmark.Workload;

public sealed record SandboxOrderLine(string LineNumber, string Sku, int Quantity);
