namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>A part of a line's quantity in one status; together they add up to the line's quantity.</summary>
public sealed record SandboxLineStatus(string Status, int Quantity, SandboxTracking? Tracking = null, string? CancellationReason = null);
