using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrderSync.Worker.Retention;

/// <summary>
/// One pass of the retention job: for each kind of row, deletes what is older than its age, a batch at a time
/// (<see cref="RetentionOptions.BatchSize"/> rows, each statement its own short transaction that skips rows anything else has
/// locked), until a batch comes back short. An order goes with its operations, calls, arrival numbers and outbox rows, in one
/// statement, so that no operation row outlives its order: the operation consumer runs only operations their order lists.
/// </summary>
public sealed class RetentionPass(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, TimeProvider clock)
{
    // One instance at a time runs a pass: a session-level lock on the pass's own connection, tried without waiting (an instance
    // that finds it taken skips its turn) and released at the end, or by the server with the session if the process dies.
    // A lock per batch would let instances interleave their batches, each scanning for the same rows.
    private const long PassLockKey = 0x0_DE1E_7E00;

    // An order with nothing left to do, and nothing left to send: its outbox is empty.
    private const string FinishedOrdersSql = """
        select correlation_id, purchase_order_id
        from order_sync_saga s
        where order_sync_saga_finished(data) and updated_at < @cutoff
          and not exists (select 1 from order_sync_outbox o where o.correlation_id = s.correlation_id)
        order by updated_at
        limit @batch
        for update skip locked
        """;

    private const string IdleOrdersSql = """
        select correlation_id, purchase_order_id
        from order_sync_saga
        where updated_at < @cutoff
        order by updated_at
        limit @batch
        for update skip locked
        """;

    /// <summary>
    /// Returns null when another instance is running a pass. Ages count back from the injected <see cref="TimeProvider"/>'s
    /// now; a pass stopped half way keeps what its finished batches deleted.
    /// </summary>
    public async Task<RetentionDeletions?> TryRun(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select pg_try_advisory_lock(@key)", new { key = PassLockKey }, cancellationToken: cancellationToken)))
        {
            return null;
        }

        try
        {
            var deleted = new RetentionDeletions();
            var now = clock.GetUtcNow();
            if (settings.FinishedOrders > TimeSpan.Zero)
            {
                await DeleteOrders(connection, FinishedOrdersSql, now - settings.FinishedOrders, settings.BatchSize, deleted, cancellationToken);
            }

            if (settings.IdleOrders > TimeSpan.Zero)
            {
                await DeleteOrders(connection, IdleOrdersSql, now - settings.IdleOrders, settings.BatchSize, deleted, cancellationToken);
                await DeleteOrphanArrivals(connection, now - settings.IdleOrders, settings.BatchSize, deleted, cancellationToken);
            }

            if (settings.CallHistory > TimeSpan.Zero)
            {
                await DeleteCalls(connection, now - settings.CallHistory, settings.BatchSize, deleted, cancellationToken);
            }

            if (settings.DeadLetterArchive > TimeSpan.Zero)
            {
                await DeleteDeadLetterRecords(connection, now - settings.DeadLetterArchive, settings.BatchSize, deleted, cancellationToken);
            }

            return deleted;
        }
        finally
        {
            await Unlock(connection);
        }
    }

    /// <summary>The orders <paramref name="selectOrders"/> picks, and everything kept for them, one batch per statement.</summary>
    private static async Task DeleteOrders(
        NpgsqlConnection connection, string selectOrders, DateTimeOffset cutoff, int batch, RetentionDeletions deleted, CancellationToken cancellationToken)
    {
        // Each table is reached through "= any(array(...))" of the batch's keys, an index scan done once: a join to the batch may
        // be planned as a scan of the whole table. The calls go by their operation, which is how each was recorded.
        var sql = $"""
            with doomed as ({selectOrders}),
            operations as (
                delete from walmart_operation
                where purchase_order_id = any(array(select purchase_order_id from doomed))
                  and correlation_id = any(array(select correlation_id from doomed))
                returning operation_id),
            calls as (
                delete from walmart_call where operation_id = any(array(select operation_id from operations))
                returning 1),
            arrivals as (
                delete from order_event_arrival where order_id = any(array(select correlation_id from doomed))
                returning 1),
            outbox as (
                delete from order_sync_outbox where correlation_id = any(array(select correlation_id from doomed))
                returning 1),
            orders as (
                delete from order_sync_saga where correlation_id = any(array(select correlation_id from doomed))
                returning 1)
            select (select count(*) from orders) as Orders, (select count(*) from operations) as Operations,
                   (select count(*) from calls) as Calls, (select count(*) from arrivals) as Arrivals,
                   (select count(*) from outbox) as Outbox
            """;
        OrderRows rows;
        do
        {
            rows = await connection.QuerySingleAsync<OrderRows>(new CommandDefinition(sql, new { cutoff, batch }, cancellationToken: cancellationToken));
            deleted.Add("order_sync_saga", rows.Orders);
            deleted.Add("walmart_operation", rows.Operations);
            deleted.Add("walmart_call", rows.Calls);
            deleted.Add("order_event_arrival", rows.Arrivals);
            deleted.Add("order_sync_outbox", rows.Outbox);
        }
        while (rows.Orders == batch);
    }

    /// <summary>
    /// Arrival numbers of events that never reached an order (dead-lettered before the saga, then purged). "offset 0" keeps the
    /// check a lookup by key per arrival; as an anti-join it may be planned as a scan of every order.
    /// </summary>
    private static Task DeleteOrphanArrivals(
        NpgsqlConnection connection, DateTimeOffset cutoff, int batch, RetentionDeletions deleted, CancellationToken cancellationToken)
    {
        const string sql = """
            delete from order_event_arrival a using (
                select order_id, event_id from order_event_arrival e
                where arrived_at < @cutoff and not exists (select 1 from order_sync_saga s where s.correlation_id = e.order_id offset 0)
                order by arrived_at
                limit @batch
                for update skip locked) doomed
            where a.order_id = doomed.order_id and a.event_id = doomed.event_id
            """;
        return DeleteInBatches(connection, sql, "order_event_arrival", cutoff, batch, deleted, cancellationToken);
    }

    private static Task DeleteCalls(
        NpgsqlConnection connection, DateTimeOffset cutoff, int batch, RetentionDeletions deleted, CancellationToken cancellationToken)
    {
        const string sql = """
            delete from walmart_call where id in (
                select id from walmart_call where called_at < @cutoff order by called_at limit @batch for update skip locked)
            """;
        return DeleteInBatches(connection, sql, "walmart_call", cutoff, batch, deleted, cancellationToken);
    }

    private static async Task DeleteDeadLetterRecords(
        NpgsqlConnection connection, DateTimeOffset cutoff, int batch, RetentionDeletions deleted, CancellationToken cancellationToken)
    {
        const string archive = """
            delete from dead_letter_archive where id in (
                select id from dead_letter_archive where archived_at < @cutoff order by archived_at limit @batch for update skip locked)
            """;
        const string requeues = """
            delete from dead_letter_requeue where requeue_id in (
                select requeue_id from dead_letter_requeue where requeued_at < @cutoff order by requeued_at limit @batch for update skip locked)
            """;
        await DeleteInBatches(connection, archive, "dead_letter_archive", cutoff, batch, deleted, cancellationToken);
        await DeleteInBatches(connection, requeues, "dead_letter_requeue", cutoff, batch, deleted, cancellationToken);
    }

    private static async Task DeleteInBatches(
        NpgsqlConnection connection, string sql, string table, DateTimeOffset cutoff, int batch, RetentionDeletions deleted, CancellationToken cancellationToken)
    {
        int rows;
        do
        {
            rows = await connection.ExecuteAsync(new CommandDefinition(sql, new { cutoff, batch }, cancellationToken: cancellationToken));
            deleted.Add(table, rows);
        }
        while (rows == batch);
    }

    /// <summary>A pooled connection keeps its session: one that cannot be unlocked must not be used again, or it would keep the lock.</summary>
    private static async Task Unlock(NpgsqlConnection connection)
    {
        try
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = PassLockKey });
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private sealed class OrderRows
    {
        public long Orders { get; init; }

        public long Operations { get; init; }

        public long Calls { get; init; }

        public long Arrivals { get; init; }

        public long Outbox { get; init; }
    }
}
