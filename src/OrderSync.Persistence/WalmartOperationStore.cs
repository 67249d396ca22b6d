using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>The operations the saga asked for, the Walmart lines each settled on, and how each ended.</summary>
public sealed class WalmartOperationStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Takes the operation's session-level advisory lock, so that two copies of one command never call Walmart at once, and
    /// records the operation if it is new, in one round trip. Null when another copy holds the lock: this one can be dropped,
    /// since the holder's message stays unacknowledged until it is done.
    /// </summary>
    public async Task<OperationSession?> TryBegin(OperationStart start, CancellationToken cancellationToken)
    {
        var key = LockKey(start.OperationId);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        OperationSession? session = null;
        try
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                "select pg_try_advisory_lock(@Key);\n" + RecordOperationSql,
                new { Key = key, start.OperationId, start.CorrelationId, start.StoreCode, start.PurchaseOrderId, start.Kind, start.CausationId },
                cancellationToken: cancellationToken));
            var locked = await results.ReadSingleAsync<bool>();
            var row = await results.ReadSingleAsync<OperationRow>();
            session = locked ? new OperationSession(connection, start.OperationId, key, row) : null;
            return session;
        }
        finally
        {
            if (session is null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Records the operation if it is new, and reads it as it stands.</summary>
    public async Task<OperationRow> Begin(OperationStart start, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<OperationRow>(new CommandDefinition(RecordOperationSql, start, cancellationToken: cancellationToken));
    }

    private const string RecordOperationSql = """
        insert into walmart_operation (operation_id, correlation_id, store_code, purchase_order_id, kind, causation_id)
        values (@OperationId, @CorrelationId, @StoreCode, @PurchaseOrderId, @Kind, @CausationId)
        on conflict (operation_id) do nothing;

        select status, attempts, planned_lines::text as PlannedLines, result::text as Result
        from walmart_operation
        where operation_id = @OperationId;
        """;

    public async Task Failed(Guid operationId, string error, CancellationToken cancellationToken)
    {
        const string sql = """
            update walmart_operation set status = 'failed', last_error = @error, updated_at = now()
            where operation_id = @operationId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { operationId, error }, cancellationToken: cancellationToken));
    }

    private static long LockKey(Guid operationId) => BitConverter.ToInt64(operationId.ToByteArray(), 8);
}
