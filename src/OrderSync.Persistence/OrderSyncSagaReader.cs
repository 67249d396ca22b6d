using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>Reads the saga rows of purchase orders, for operators; the worker's repository owns the writes.</summary>
public sealed class OrderSyncSagaReader(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        correlation_id as CorrelationId, current_state as CurrentState, version as Version, data::text as Data,
        store_code as StoreCode, purchase_order_id as PurchaseOrderId, created_at as CreatedAt, updated_at as UpdatedAt,
        last_reconciled_at as LastReconciledAt
        """;

    /// <summary>The orders with this purchase order id: one per store that has it, or only the given store's.</summary>
    public async Task<IReadOnlyList<OrderSyncSagaRow>> Find(string purchaseOrderId, string? storeCode, CancellationToken cancellationToken)
    {
        var sql = $"""
            select {Columns} from order_sync_saga
            where purchase_order_id = @purchaseOrderId and (@storeCode::text is null or store_code = @storeCode)
            order by store_code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderSyncSagaRow>(
            new CommandDefinition(sql, new { purchaseOrderId, storeCode }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<OrderSyncSagaRow?> Get(Guid correlationId, CancellationToken cancellationToken)
    {
        var sql = $"select {Columns} from order_sync_saga where correlation_id = @correlationId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OrderSyncSagaRow>(
            new CommandDefinition(sql, new { correlationId }, cancellationToken: cancellationToken));
    }
}
