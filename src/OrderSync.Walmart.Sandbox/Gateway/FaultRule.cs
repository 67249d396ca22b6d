namespace OrderSync.Walmart.Sandbox.Gateway;

public sealed record FaultRule(
    Guid Id, string? PurchaseOrderId, SandboxOperation? Operation, FaultPlan Plan, double Rate, int? RemainingTimes)
{
    public bool Matches(SandboxOperation operation, string? purchaseOrderId) =>
        (Operation is null ? operation != SandboxOperation.Token : Operation == operation)
        && (PurchaseOrderId is null || string.Equals(PurchaseOrderId, purchaseOrderId, StringComparison.Ordinal))
        && RemainingTimes is null or > 0;
}
