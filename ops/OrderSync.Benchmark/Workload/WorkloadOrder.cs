namespace OrderSync.Benchmark.Workload;

/// <summary>A sandbox order as Commerce knows it: its own entity id and increment id beside Walmart's purchase order id.</summary>
public sealed record WorkloadOrder(SandboxOrder Walmart, string EntityId, string IncrementId)
{
    public string StoreCode => Walmart.Seller;

    public string PurchaseOrderId => Walmart.PurchaseOrderId;
}
