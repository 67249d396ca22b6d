namespace OrderSync.Benchmark.Infrastructure;

/// <summary>Cumulative counters of one database at one moment.</summary>
/// <param name="Statements">By normalised query text; null without pg_stat_statements.</param>
public sealed record DatabaseSnapshot(long Transactions, long RowsRead, long RowsWritten, IReadOnlyDictionary<string, StatementActivity>? Statements);
