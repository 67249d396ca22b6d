using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>
/// One run of an operation on one connection that holds the operation's session-level advisory lock: the statements of
/// the run share it, and the lock is released with the last of them. A pooled connection keeps its session, so closing it
/// alone would leave the lock held; if the process dies, the server ends the session and the lock with it.
/// The run's Walmart calls are written to the call history with its next statement (saving the plan, counting a failure,
/// the outcome, or the release of the lock), and before its next call that changes the order, not one round trip each.
/// </summary>
public sealed class OperationSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly Guid _operationId;
    private readonly long _key;
    private readonly List<WalmartCallRecord> _unwrittenCalls = [];
    private bool _released;

    internal OperationSession(NpgsqlConnection connection, Guid operationId, long key, OperationRow row, IReadOnlyList<string> unfinishedShipPlans)
    {
        _connection = connection;
        _operationId = operationId;
        _key = key;
        Row = row;
        UnfinishedShipPlans = unfinishedShipPlans;
    }

    /// <summary>The operation as this run found it.</summary>
    public OperationRow Row { get; }

    /// <summary>The saved plans (JSON) of the order's other ships that have not succeeded: lines they may still need.</summary>
    public IReadOnlyList<string> UnfinishedShipPlans { get; }

    public void RecordCall(WalmartCallRecord call) => _unwrittenCalls.Add(call);

    /// <summary>Writes the calls recorded so far, if any.</summary>
    public async Task WriteCalls(CancellationToken cancellationToken)
    {
        if (_unwrittenCalls.Count > 0)
        {
            var (sql, parameters) = WithCalls(string.Empty, new { });
            await _connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
            _unwrittenCalls.Clear();
        }
    }

    /// <summary>Keeps the first plan saved: a retry, or a copy of the command, uses the lines the first attempt chose.</summary>
    public async Task<string> SavePlan(string plannedLinesJson, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set planned_lines = coalesce(planned_lines, @plan::jsonb), updated_at = now()
            where operation_id = @operationId
            returning planned_lines::text;
            """;
        var (batch, parameters) = WithCalls(sql, new { operationId = _operationId, plan = plannedLinesJson });
        var plan = await _connection.QuerySingleAsync<string>(new CommandDefinition(batch, parameters, cancellationToken: cancellationToken));
        _unwrittenCalls.Clear();
        return plan;
    }

    /// <summary>Counts a failed attempt (a throttle is not one) and keeps its reason.</summary>
    /// <returns>The failed attempts so far.</returns>
    public async Task<int> RecordFailure(string error, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set attempts = attempts + 1, last_error = @error, updated_at = now()
            where operation_id = @operationId
            returning attempts;
            """;
        var (batch, parameters) = WithCalls(sql, new { operationId = _operationId, error });
        var attempts = await _connection.QuerySingleAsync<int>(new CommandDefinition(batch, parameters, cancellationToken: cancellationToken));
        _unwrittenCalls.Clear();
        return attempts;
    }

    /// <summary>Stores the outcome and releases the lock, in one round trip.</summary>
    public async Task Succeeded(string resultJson, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set status = 'succeeded', result = @result::jsonb, last_error = null, updated_at = now()
            where operation_id = @operationId;
            select pg_advisory_unlock(@key);
            """;
        var (batch, parameters) = WithCalls(sql, new { operationId = _operationId, result = resultJson, key = _key });
        await _connection.ExecuteAsync(new CommandDefinition(batch, parameters, cancellationToken: cancellationToken));
        _unwrittenCalls.Clear();
        _released = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_released)
            {
                await Release();
            }
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task Release()
    {
        try
        {
            var (batch, parameters) = WithCalls("select pg_advisory_unlock(@key);", new { key = _key });
            await _connection.ExecuteAsync(batch, parameters);
        }
        catch (PostgresException)
        {
            // The calls could not be written (the batch failed as a whole): the lock must still go, or this pooled
            // connection would keep it.
            await _connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = _key });
            throw;
        }
    }

    /// <summary>The statement first, so that its result is the first the reader sees, then the inserts of the unwritten calls.</summary>
    private (string Sql, DynamicParameters Parameters) WithCalls(string sql, object parameters)
    {
        var (inserts, all) = WalmartCallLog.Inserts(_unwrittenCalls, new DynamicParameters(parameters));
        return (sql + "\n" + inserts, all);
    }
}
