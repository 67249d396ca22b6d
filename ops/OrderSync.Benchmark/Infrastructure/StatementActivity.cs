namespace OrderSync.Benchmark.Infrastructure;

/// <summary>One normalised statement of pg_stat_statements: how often it ran and for how long in total.</summary>
public sealed record StatementActivity(string Query, long Calls, double TotalMilliseconds)
{
    /// <summary>
    /// Statements Npgsql sends in the same network write as the next one (BEGIN of a transaction, the DISCARD ALL of a pooled
    /// connection's reset), so they cost no round trip of their own.
    /// </summary>
    public bool RidesWithNext =>
        Query.StartsWith("begin", StringComparison.OrdinalIgnoreCase)
        || Query.StartsWith("start transaction", StringComparison.OrdinalIgnoreCase)
        || Query.StartsWith("discard", StringComparison.OrdinalIgnoreCase);
}
