namespace OrderSync.Benchmark.Infrastructure;

/// <summary>What one database did between two snapshots.</summary>
/// <param name="Statements">Null when pg_stat_statements is not loaded.</param>
public sealed record DatabaseActivity(long Transactions, long RowsRead, long RowsWritten, IReadOnlyList<StatementActivity>? Statements)
{
    public long? StatementCount => Statements?.Sum(s => s.Calls);

    /// <summary>Statements less those that ride with the next (see <see cref="StatementActivity.RidesWithNext"/>).</summary>
    public long? RoundTrips => Statements?.Where(s => !s.RidesWithNext).Sum(s => s.Calls);
}
