namespace OrderSync.Walmart.Sandbox.Orders;

public sealed record SandboxTracking(
    long ShipDateTime, string? Carrier, string? OtherCarrier, string MethodCode, string TrackingNumber, string? TrackingUrl);
