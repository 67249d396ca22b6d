using OrderSync.Contracts.Commands;

namespace OrderSync.Domain.Decisions;

/// <summary>Send this Walmart operation to its seller's lane.</summary>
public sealed record SendOperation(ExecuteWalmartOperation Command) : Decision;
