using System.Threading.Channels;
using Dapper;
using MassTransit;
using Npgsql;
using OrderSync.Domain.State;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.Worker.Saga;

/// <summary>
/// Each order's state in order_sync_saga (a row per purchase order, its state as jsonb) and what it decided to send in
/// order_sync_outbox, written in one transaction. The row is locked while a message is applied, so an order's messages are
/// applied one at a time on any number of instances.
/// </summary>
public sealed class OrderSyncStore(NpgsqlDataSource dataSource) : IOrderSyncStore
{
    private readonly Channel<long> _delivered = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<IOrderSyncTransaction> Begin(Guid correlationId, CancellationToken cancellationToken)
    {
        const string sql = "select data::text from order_sync_saga where correlation_id = @correlationId for update";
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var data = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { correlationId }, transaction, cancellationToken: cancellationToken));
            return new Transaction(connection, transaction, correlationId, data is null ? null : OrderSyncState.FromJson(data));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Delivered(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            _delivered.Writer.TryWrite(message.Id);
        }
    }

    /// <summary>Deletes, in one statement, the outbox rows delivered since the last call.</summary>
    public async Task<int> DeleteDelivered(CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        while (ids.Count < 5000 && _delivered.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "delete from order_sync_outbox where id = any(@ids)", new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>Orders with outbox rows older than <paramref name="age"/>: left by a worker that stopped before it delivered them.</summary>
    public async Task<IReadOnlyList<Guid>> OrdersLeftUndelivered(TimeSpan age, CancellationToken cancellationToken)
    {
        const string sql = """
            select correlation_id from order_sync_outbox
            where created_at < now() - @age
            group by correlation_id
            order by min(id)
            limit 100
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { age }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Delivers every outbox row of the order, in order, unless another instance is delivering them: under an advisory lock
    /// on the order, deleted in the same transaction, so that two instances never deliver the same rows out of order.
    /// </summary>
    /// <returns>How many were delivered.</returns>
    public async Task<int> DeliverLeftovers(Guid correlationId, Func<IReadOnlyList<OutboxMessage>, Task> deliver, CancellationToken cancellationToken)
    {
        const string lockSql = "select pg_try_advisory_xact_lock(hashtextextended(@correlationId::text, 0))";
        const string selectSql = """
            select id as Id, correlation_id as CorrelationId, kind as Kind, body::text as Body
            from order_sync_outbox where correlation_id = @correlationId order by id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(lockSql, new { correlationId }, transaction, cancellationToken: cancellationToken)))
        {
            return 0;
        }

        var messages = (await connection.QueryAsync<OutboxMessage>(new CommandDefinition(selectSql, new { correlationId }, transaction, cancellationToken: cancellationToken))).ToList();
        await deliver(messages);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from order_sync_outbox where id = any(@ids)", new { ids = messages.Select(m => m.Id).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

    private sealed class Transaction(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid correlationId, OrderSyncState? state) : IOrderSyncTransaction
    {
        public OrderSyncState? State { get; } = state;

        public async Task<IReadOnlyList<OutboxMessage>> Commit(
            OrderSyncState state, bool stateChanged, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            // One statement: the state (inserted for a new order, else updated) and the messages, which get their ids in order.
            var saveState = !stateChanged ? "select 1" : State is null
                ? """
                  insert into order_sync_saga (correlation_id, version, data, ship_by, has_open_work, sync_status, unsynced_since)
                  values (@correlationId, 1, @data::jsonb, @shipBy, @hasOpenWork, @syncStatus, @unsyncedSince) on conflict (correlation_id) do nothing returning 1
                  """
                : """
                  update order_sync_saga set version = version + 1, data = @data::jsonb, ship_by = @shipBy, has_open_work = @hasOpenWork, updated_at = now(),
                      sync_status = @syncStatus, unsynced_since = @unsyncedSince
                  where correlation_id = @correlationId returning 1
                  """;
            var sql = $$"""
                with saved as ({{saveState}}),
                queued as (
                    insert into order_sync_outbox (correlation_id, kind, body)
                    select @correlationId, kind, body::jsonb from unnest(@kinds::text[], @bodies::text[]) with ordinality as m(kind, body, n)
                    order by n
                    returning id)
                select (select count(*) from saved)::int as Saved, coalesce((select array_agg(id order by id) from queued), '{}'::bigint[]) as Ids
                """;
            var saved = await connection.QuerySingleAsync<SaveOutcome>(new CommandDefinition(sql, new
            {
                correlationId,
                data = stateChanged ? state.ToJson() : null,
                shipBy = state.ShipBy?.ToUniversalTime(),
                hasOpenWork = state.HasOpenWork,
                syncStatus = state.SyncStatus,
                unsyncedSince = state.UnsyncedSince?.ToUniversalTime(),
                kinds = messages.Select(m => m.Kind).ToArray(),
                bodies = messages.Select(m => m.Body).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
            if (saved.Saved == 0)
            {
                throw new ConcurrencyException("The order's first message was applied by another one at the same time", typeof(OrderSyncState), correlationId);
            }

            await transaction.CommitAsync(cancellationToken);
            return [.. messages.Zip(saved.Ids, (message, id) => message with { Id = id })];
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private sealed class SaveOutcome
    {
        public int Saved { get; init; }

        public long[] Ids { get; init; } = [];
    }
}
