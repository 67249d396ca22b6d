using OrderSync.Testing.Commerce;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Workload;

/// <summary>A sandbox order as Commerce knows it: its own entity id and increment id beside Walmart's purchase order id.</summary>
public sealed record WorkloadOrder(SandboxOrder Walmart, string EntityId, string IncrementId)
{
    public string StoreCode => Walmart.Seller;

    public string PurchaseOrderId => Walmart.PurchaseOrderId;

    /// <summary>The order as its CloudEvents name it.</summary>
    public CommerceOrder Commerce => new(PurchaseOrderId, StoreCode, EntityId, IncrementId);
}
