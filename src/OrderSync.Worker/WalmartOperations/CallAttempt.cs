using OrderSync.Contracts.Commands;

namespace OrderSync.Worker.WalmartOperations;

/// <param name="Number">1 for the operation's first attempt, counted across retries, redeliveries and restarts.</param>
public sealed record CallAttempt(ExecuteWalmartOperation Command, int Number);
