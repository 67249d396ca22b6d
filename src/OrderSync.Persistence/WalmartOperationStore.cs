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
        var locked = await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition("select pg_try_advisory_lock(@key)", new { key = LockKey(operationId) }, cancellationToken: cancellationToken));
        if (locked)
        {
            return connection;
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

            update walmart_operation
            set attempts = attempts + case when status = 'succeeded' then 0 else 1 end, updated_at = now()
            where operation_id = @OperationId
            returning status, attempts, planned_lines::text as PlannedLines, result::text as Result;
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
