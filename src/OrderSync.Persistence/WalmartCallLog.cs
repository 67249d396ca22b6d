using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>The history of every Walmart call: what <c>orders show</c> prints and support quotes to Walmart.</summary>
public sealed class WalmartCallLog(NpgsqlDataSource dataSource)
{
    internal const string InsertSql = """
        insert into walmart_call
            (operation_id, store_code, purchase_order_id, operation, lines, correlation_id, http_status, outcome, message,
             walmart_errors, duration_ms, attempt, called_at)
        values
            (@OperationId, @StoreCode, @PurchaseOrderId, @Operation, @LinesJson::jsonb, @CorrelationId, @HttpStatus, @Outcome, @Message,
             @WalmartErrorsJson::jsonb, @DurationMs, @Attempt, coalesce(@CalledAt, now()))
        """;

    public async Task Record(WalmartCallRecord call, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Inserts([call], new DynamicParameters());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>The inserts of several calls, to run in one round trip with another statement: parameters are numbered per call.</summary>
    internal static (string Sql, DynamicParameters Parameters) Inserts(IReadOnlyList<WalmartCallRecord> calls, DynamicParameters parameters)
    {
        var sql = new System.Text.StringBuilder();
        for (var index = 0; index < calls.Count; index++)
        {
            var call = calls[index];
            var suffix = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(System.Text.RegularExpressions.Regex.Replace(InsertSql, @"@(\w+)", "@$1_" + suffix)).Append(";\n");
            parameters.Add("OperationId_" + suffix, call.OperationId);
            parameters.Add("StoreCode_" + suffix, call.StoreCode);
            parameters.Add("PurchaseOrderId_" + suffix, call.PurchaseOrderId);
            parameters.Add("Operation_" + suffix, call.Operation);
            parameters.Add("LinesJson_" + suffix, call.LinesJson);
            parameters.Add("CorrelationId_" + suffix, call.CorrelationId);
            parameters.Add("HttpStatus_" + suffix, call.HttpStatus);
            parameters.Add("Outcome_" + suffix, call.Outcome);
            parameters.Add("Message_" + suffix, call.Message);
            parameters.Add("WalmartErrorsJson_" + suffix, call.WalmartErrorsJson);
            parameters.Add("DurationMs_" + suffix, call.DurationMs);
            parameters.Add("Attempt_" + suffix, call.Attempt);

            // A call written later than it was made keeps its own time; one recorded without a time gets the database's.
            parameters.Add("CalledAt_" + suffix, call.CalledAt == default ? null : call.CalledAt, System.Data.DbType.DateTimeOffset);
        }

        return (sql.ToString(), parameters);
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
