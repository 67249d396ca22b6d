using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>The operations the saga asked for, the Walmart lines each settled on, and how each ended.</summary>
public sealed class WalmartOperationStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Takes the operation's session-level advisory lock, so that two copies of one command never call Walmart at once, and
    /// records the operation if it is new and its order lists it, in one round trip. No session when another copy holds the
    /// lock (this one can be dropped, since the holder's message stays unacknowledged until it is done), or when the
    /// operation is neither recorded nor listed by its order: the order was removed by retention with its operations, and a
    /// late copy of the command must not plan its lines afresh.
    /// </summary>
    public async Task<OperationBegin> TryBegin(OperationStart start, CancellationToken cancellationToken)
    {
        var key = LockKey(start.OperationId);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        OperationSession? session = null;
        try
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                "select pg_try_advisory_lock(@Key);\n" + RecordOperationSql + (IsShip(start) ? UnfinishedShipPlansSql : string.Empty),
                new { Key = key, start.OperationId, start.CorrelationId, start.StoreCode, start.PurchaseOrderId, start.Kind, start.CausationId },
                cancellationToken: cancellationToken));
            var locked = await results.ReadSingleAsync<bool>();
            var row = await results.ReadSingleOrDefaultAsync<OperationRow>();
            var unfinishedShipPlans = IsShip(start) ? (await results.ReadAsync<string>()).AsList() : [];
            if (locked && row is null)
            {
                await ReleaseLocks(connection);
            }

            session = locked && row is not null ? new OperationSession(connection, start.OperationId, key, row, unfinishedShipPlans) : null;
            return new OperationBegin(session, UnknownToItsOrder: row is null);
        }
        catch
        {
            await ReleaseLocks(connection);
            throw;
        }
        finally
        {
            if (session is null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Records the operation if it is new and its order lists it, and reads it as it stands; null when it is neither.</summary>
    public async Task<OperationRow?> Begin(OperationStart start, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OperationRow>(new CommandDefinition(RecordOperationSql, start, cancellationToken: cancellationToken));
    }

    // The order's row is share-locked while the operation is recorded: retention, deleting the order and its operations in
    // one transaction, either skips the order or has removed both before this insert looks.
    private const string RecordOperationSql = """
        insert into walmart_operation (operation_id, correlation_id, store_code, purchase_order_id, kind, causation_id)
        select @OperationId, @CorrelationId, @StoreCode, @PurchaseOrderId, @Kind, @CausationId
        where exists (
            select 1 from order_sync_saga
            where correlation_id = @CorrelationId
              and data -> 'Operations' @> jsonb_build_array(jsonb_build_object('OperationId', @OperationId::text))
            for key share)
        on conflict (operation_id) do nothing;

        select status, attempts, planned_lines::text as PlannedLines, result::text as Result
        from walmart_operation
        where operation_id = @OperationId;
        """;

    // Only a ship takes lines by SKU, so only another ship's lines can be taken from it.
    private const string UnfinishedShipPlansSql = """

        select planned_lines::text
        from walmart_operation
        where purchase_order_id = @PurchaseOrderId and store_code = @StoreCode and operation_id <> @OperationId
          and kind = 'Ship' and status <> 'succeeded' and planned_lines is not null;
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

    /// <summary>
    /// The lock may have been taken before a later statement of the batch failed. A pooled connection keeps its session, and a
    /// lock left in it would make every later copy of the operation think it runs elsewhere and drop itself: the operation would
    /// never run. If the lock cannot be released, the connection is not pooled again.
    /// </summary>
    private static async Task ReleaseLocks(NpgsqlConnection connection)
    {
        try
        {
            await connection.ExecuteAsync("select pg_advisory_unlock_all()");
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static bool IsShip(OperationStart start) => start.Kind == "Ship";

    private static long LockKey(Guid operationId) => BitConverter.ToInt64(operationId.ToByteArray(), 8);
}
