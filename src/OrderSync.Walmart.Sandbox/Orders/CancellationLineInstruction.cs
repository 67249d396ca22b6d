namespace OrderSync.Walmart.Sandbox.Orders;

public sealed record CancellationLineInstruction(string LineNumber, int Quantity, string Reason);
