namespace OrderSync.Walmart.Sandbox;

public enum SandboxOperation
{
    Token,
    GetOrder,
    Shipping,
    Cancel,
    Acknowledge,
}
