namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>Units a ship or cancel call to the sandbox moved on one line, counted only when the sandbox applied the call.</summary>
public sealed record AppliedCall(string PurchaseOrderId, string Operation, string LineNumber, int Quantity, long Sequence);
