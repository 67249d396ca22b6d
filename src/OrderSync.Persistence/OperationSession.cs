using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>
/// One run of an operation on one connection that holds the operation's session-level advisory lock: the statements of
/// the run share it, and the lock is released with the last of them. A pooled connection keeps its session, so closing it
/// alone would leave the lock held; if the process dies, the server ends the session and the lock with it.
/// </summary>
public sealed class OperationSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly Guid _operationId;
    private readonly long _key;
    private bool _released;

    internal OperationSession(NpgsqlConnection connection, Guid operationId, long key, OperationRow row)
    {
        _connection = connection;
        _operationId = operationId;
        _key = key;
        Row = row;
    }

    /// <summary>The operation as this run found it.</summary>
    public OperationRow Row { get; }

    /// <summary>Keeps the first plan saved: a retry, or a copy of the command, uses the lines the first attempt chose.</summary>
    public Task<string> SavePlan(string plannedLinesJson, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set planned_lines = coalesce(planned_lines, @plan::jsonb), updated_at = now()
            where operation_id = @operationId
            returning planned_lines::text
            """;
        return _connection.QuerySingleAsync<string>(
            new CommandDefinition(sql, new { operationId = _operationId, plan = plannedLinesJson }, cancellationToken: cancellationToken));
    }

    /// <summary>Counts a failed attempt (a throttle is not one) and keeps its reason.</summary>
    /// <returns>The failed attempts so far.</returns>
    public Task<int> RecordFailure(string error, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set attempts = attempts + 1, last_error = @error, updated_at = now()
            where operation_id = @operationId
            returning attempts
            """;
        return _connection.QuerySingleAsync<int>(new CommandDefinition(sql, new { operationId = _operationId, error }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the outcome and releases the lock, in one round trip.</summary>
    public async Task Succeeded(string resultJson, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set status = 'succeeded', result = @result::jsonb, last_error = null, updated_at = now()
            where operation_id = @operationId;
            select pg_advisory_unlock(@key);
            """;
        await _connection.ExecuteAsync(new CommandDefinition(
            sql, new { operationId = _operationId, result = resultJson, key = _key }, cancellationToken: cancellationToken));
        _released = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_released)
            {
                await _connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = _key });
            }
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
