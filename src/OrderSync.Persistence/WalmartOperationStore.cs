using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>The operations the saga asked for, the Walmart lines each settled on, and how each ended.</summary>
public sealed class WalmartOperationStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Holds a session-level advisory lock on the operation, so that two copies of one command never call Walmart at once;
    /// the copy that cannot get it can be dropped, since the holder's message stays unacknowledged until it is done.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLock(Guid operationId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = LockKey(operationId);
        var locked = await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition("select pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken));
        if (locked)
        {
            return new OperationLock(connection, key);
        }

        await connection.DisposeAsync();
        return null;
    }

    public async Task<OperationRow> Begin(OperationStart start, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into walmart_operation (operation_id, correlation_id, store_code, purchase_order_id, kind, causation_id)
            values (@OperationId, @CorrelationId, @StoreCode, @PurchaseOrderId, @Kind, @CausationId)
            on conflict (operation_id) do nothing;

            select status, attempts, planned_lines::text as PlannedLines, result::text as Result
            from walmart_operation
            where operation_id = @OperationId;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<OperationRow>(new CommandDefinition(sql, start, cancellationToken: cancellationToken));
    }

    /// <summary>Keeps the first plan saved: a retry, or a copy of the command, uses the lines the first attempt chose.</summary>
    public async Task<string> SavePlan(Guid operationId, string plannedLinesJson, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set planned_lines = coalesce(planned_lines, @plan::jsonb), updated_at = now()
            where operation_id = @operationId
            returning planned_lines::text
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<string>(
            new CommandDefinition(sql, new { operationId, plan = plannedLinesJson }, cancellationToken: cancellationToken));
    }

    /// <summary>Counts a failed attempt (a throttle is not one) and keeps its reason.</summary>
    /// <returns>The failed attempts so far.</returns>
    public async Task<int> RecordFailure(Guid operationId, string error, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set attempts = attempts + 1, last_error = @error, updated_at = now()
            where operation_id = @operationId
            returning attempts
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<int>(new CommandDefinition(sql, new { operationId, error }, cancellationToken: cancellationToken));
    }

    public Task Succeeded(Guid operationId, string resultJson, CancellationToken cancellationToken) =>
        Finish(operationId, "succeeded", resultJson, null, cancellationToken);

    public Task Failed(Guid operationId, string error, CancellationToken cancellationToken) =>
        Finish(operationId, "failed", null, error, cancellationToken);

    private async Task Finish(Guid operationId, string status, string? resultJson, string? error, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation
            set status = @status, result = @result::jsonb, last_error = @error, updated_at = now()
            where operation_id = @operationId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { operationId, status, result = resultJson, error }, cancellationToken: cancellationToken));
    }

    private static long LockKey(Guid operationId) => BitConverter.ToInt64(operationId.ToByteArray(), 8);
}
