using OrderSync.Contracts.Commands;

namespace OrderSync.Worker.WalmartOperations;

/// <param name="Number">1 for the operation's first attempt, counted across retries, redeliveries and restarts.</param>
public sealed record CallAttempt(ExecuteWalmartOperation Command, int Number)
{
    /// <summary>Walmart's ship-by date as this attempt last read the order: the saga keeps it whether the attempt succeeds or fails.</summary>
    public DateTimeOffset? ShipBy { get; set; }
}
