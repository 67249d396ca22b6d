using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>The order after a change, or why there was none: not found (Order null, no errors) or refused (errors).</summary>
public sealed record OrderChangeResult(SandboxOrder? Order, IReadOnlyList<SandboxError> Errors)
{
    public bool IsNotFound => Order is null && Errors.Count == 0;
}
