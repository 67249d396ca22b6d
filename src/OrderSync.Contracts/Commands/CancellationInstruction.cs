namespace OrderSync.Contracts.Commands;

public sealed record CancellationInstruction(string WalmartReason);
