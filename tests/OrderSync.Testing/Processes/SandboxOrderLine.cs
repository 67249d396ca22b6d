namespace OrderSync.Testing.Processes;

public sealed record SandboxOrderLine(string LineNumber, string Sku, int Quantity);
