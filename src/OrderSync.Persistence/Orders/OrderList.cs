using Dapper;
using Npgsql;

namespace OrderSync.Persistence.Orders;

/// <summary>
/// The orders the worker holds, for the operator's views, through the columns the saga store keeps beside each order's
/// state (sync_status, unsynced_since, updated_at; migration 0009): a list and its counts read indexes, not saga documents.
/// </summary>
public sealed class OrderList(NpgsqlDataSource dataSource)
{
    /// <summary>Orders matching the filter, newest change first; only the rows shown read their state document.</summary>
    public async Task<IReadOnlyList<OrderListRow>> Read(OrderListFilter filter, CancellationToken cancellationToken)
    {
        var sql = $"""
            select purchase_order_id as PurchaseOrderId, store_code as StoreCode, data ->> 'OrderIncrementId' as OrderIncrementId,
                   sync_status as Status, updated_at as UpdatedAt, data ->> 'LastError' as LastError
            from order_sync_saga
            {Where(filter.Status, filter.StoreCode, filter.UpdatedSince)}
            order by updated_at desc
            limit @limit offset @offset
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderListRow>(new CommandDefinition(sql, Parameters(filter.Status, filter.StoreCode, filter.UpdatedSince, filter), cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Orders in each status, for the store and time given (any status: a list of one status still counts them all).</summary>
    public async Task<IReadOnlyDictionary<string, long>> Counts(string? storeCode, DateTimeOffset? updatedSince, CancellationToken cancellationToken)
    {
        var sql = $"""
            select sync_status as Status, count(*) as Orders
            from order_sync_saga
            {Where(null, storeCode, updatedSince)}
            group by sync_status
            order by sync_status
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Orders)>(new CommandDefinition(sql, Parameters(null, storeCode, updatedSince, null), cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.Status, row => row.Orders, StringComparer.Ordinal);
    }

    /// <summary>Orders by store and status.</summary>
    public async Task<IReadOnlyList<StoreStatusCount>> CountsByStore(CancellationToken cancellationToken)
    {
        const string sql = """
            select store_code as StoreCode, sync_status as Status, count(*) as Orders
            from order_sync_saga
            where sync_status is not null
            group by store_code, sync_status
            order by store_code, sync_status
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<StoreStatusCount>(new CommandDefinition(sql, cancellationToken: cancellationToken))];
    }

    /// <summary>Per store, the orders that still owe Walmart a Commerce event and the oldest such event: a partial index.</summary>
    public async Task<IReadOnlyList<StoreBacklog>> Backlog(CancellationToken cancellationToken)
    {
        const string sql = """
            select store_code as StoreCode, count(*) as Orders, min(unsynced_since) as OldestEventAt
            from order_sync_saga
            where unsynced_since is not null
            group by store_code
            order by store_code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string StoreCode, long Orders, DateTime OldestEventAt)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new StoreBacklog(row.StoreCode, row.Orders, new DateTimeOffset(DateTime.SpecifyKind(row.OldestEventAt, DateTimeKind.Utc))))];
    }

    private static string Where(string? status, string? storeCode, DateTimeOffset? updatedSince)
    {
        List<string> conditions = ["sync_status is not null"];
        if (status is not null)
        {
            conditions.Add("sync_status = @status");
        }

        if (storeCode is not null)
        {
            conditions.Add("store_code = @storeCode");
        }

        if (updatedSince is not null)
        {
            conditions.Add("updated_at >= @updatedSince");
        }

        return "where " + string.Join(" and ", conditions);
    }

    private static DynamicParameters Parameters(string? status, string? storeCode, DateTimeOffset? updatedSince, OrderListFilter? page)
    {
        var parameters = new DynamicParameters();
        parameters.Add("status", status);
        parameters.Add("storeCode", storeCode);
        parameters.Add("updatedSince", updatedSince?.ToUniversalTime());
        parameters.Add("limit", page?.Limit ?? 0);
        parameters.Add("offset", page?.Offset ?? 0);
        return parameters;
    }
}
