namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>What an endpoint tells the call log about the call it handled.</summary>
public static class SandboxHttpItems
{
    public const string Seller = "sandbox.seller";
    public const string Operation = "sandbox.operation";
    public const string Fault = "sandbox.fault";
}
