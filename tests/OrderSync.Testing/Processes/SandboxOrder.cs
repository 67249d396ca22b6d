namespace OrderSync.Testing.Processes;

/// <summary>A Walmart purchase order the sandbox generated, with the seller (Commerce store) it belongs to.</summary>
public sealed record SandboxOrder(string Seller, string PurchaseOrderId, IReadOnlyList<SandboxOrderLine> Lines);
