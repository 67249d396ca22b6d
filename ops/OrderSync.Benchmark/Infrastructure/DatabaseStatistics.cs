using Npgsql;
using OrderSync.Testing.Services;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// Counts one database's work from PostgreSQL's own statistics: pg_stat_statements (every statement, with its count and time) when
/// the server loads it, else pg_stat_database (transactions and rows only).
/// </summary>
public sealed class DatabaseStatistics(ServiceSettings services)
{
    private bool? _statementsAvailable;

    public async Task<bool> StatementsAvailableAsync(CancellationToken cancellationToken)
    {
        if (_statementsAvailable is null)
        {
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var probe = new NpgsqlCommand("select count(*) from pg_stat_statements", connection);
                await probe.ExecuteScalarAsync(cancellationToken);
                _statementsAvailable = true;
            }
            catch (PostgresException)
            {
                _statementsAvailable = false;
            }
        }

        return _statementsAvailable.Value;
    }

    /// <summary>The cumulative counters of <paramref name="database"/> now; subtract two with <see cref="Between"/>.</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync(string database, CancellationToken cancellationToken)
    {
        // The statistics collector publishes a backend's counts when its transaction ends and at most every 0.5-1 s: wait that out.
        await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        long transactions = 0, read = 0, written = 0;
        await using (var totals = new NpgsqlCommand(
            """
            select xact_commit + xact_rollback, tup_returned + tup_fetched, tup_inserted + tup_updated + tup_deleted
            from pg_stat_database where datname = @database
            """, connection))
        {
            totals.Parameters.AddWithValue("database", database);
            await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                (transactions, read, written) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        Dictionary<string, StatementActivity>? statements = null;
        if (await StatementsAvailableAsync(cancellationToken))
        {
            statements = [];
            await using var command = new NpgsqlCommand(
                """
                select s.query, s.calls, s.total_exec_time
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where d.datname = @database
                """, connection);
            command.Parameters.AddWithValue("database", database);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var query = reader.IsDBNull(0) ? "(hidden)" : Normalise(reader.GetString(0));
                var calls = reader.GetInt64(1);
                var time = reader.GetDouble(2);
                statements[query] = statements.TryGetValue(query, out var known)
                    ? known with { Calls = known.Calls + calls, TotalMilliseconds = known.TotalMilliseconds + time }
                    : new StatementActivity(query, calls, time);
            }
        }

        return new DatabaseSnapshot(transactions, read, written, statements);
    }

    public static DatabaseActivity Between(DatabaseSnapshot start, DatabaseSnapshot end)
    {
        List<StatementActivity>? statements = null;
        if (end.Statements is not null)
        {
            statements = [.. end.Statements.Values
                .Select(s => start.Statements?.TryGetValue(s.Query, out var before) == true
                    ? s with { Calls = s.Calls - before.Calls, TotalMilliseconds = s.TotalMilliseconds - before.TotalMilliseconds }
                    : s)
                .Where(s => s.Calls > 0)
                .OrderByDescending(s => s.Calls)];
        }

        return new DatabaseActivity(end.Transactions - start.Transactions, end.RowsRead - start.RowsRead, end.RowsWritten - start.RowsWritten, statements);
    }

    private static string Normalise(string query) => string.Join(' ', query.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(services.Postgres) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
