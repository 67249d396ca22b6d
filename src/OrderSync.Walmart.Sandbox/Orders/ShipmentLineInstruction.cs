namespace OrderSync.Walmart.Sandbox.Orders;

public sealed record ShipmentLineInstruction(string LineNumber, int Quantity, SandboxTracking Tracking, string? CurrentTrackingNumber)
{
    public bool IntentToCancelOverride { get; init; }
}
