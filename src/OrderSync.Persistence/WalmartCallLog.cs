using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>The history of every Walmart call: what <c>orders show</c> prints and support quotes to Walmart.</summary>
public sealed class WalmartCallLog(NpgsqlDataSource dataSource)
{
    public async Task Record(WalmartCallRecord call, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into walmart_call
                (operation_id, store_code, purchase_order_id, operation, lines, correlation_id, http_status, outcome, message,
                 walmart_errors, duration_ms, attempt)
            values
                (@OperationId, @StoreCode, @PurchaseOrderId, @Operation, @LinesJson::jsonb, @CorrelationId, @HttpStatus, @Outcome, @Message,
                 @WalmartErrorsJson::jsonb, @DurationMs, @Attempt)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, call, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<WalmartCallRecord>> ForOrder(string purchaseOrderId, CancellationToken cancellationToken)
    {
        const string sql = """
            select operation_id as OperationId, store_code as StoreCode, purchase_order_id as PurchaseOrderId, operation as Operation,
                   lines::text as LinesJson, correlation_id as CorrelationId, http_status as HttpStatus, outcome as Outcome,
                   message as Message, walmart_errors::text as WalmartErrorsJson, duration_ms as DurationMs, attempt as Attempt,
                   called_at as CalledAt
            from walmart_call
            where purchase_order_id = @purchaseOrderId
            order by called_at, id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WalmartCallRecord>(new CommandDefinition(sql, new { purchaseOrderId }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
