using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>The record of dead letters requeued by operators, and whether the worker then handled them.</summary>
public sealed class DeadLetterRequeueLog(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        requeue_id as RequeueId, message_id as MessageId, dead_letter_queue as DeadLetterQueue, target_queue as TargetQueue,
        reason as Reason, purchase_order_id as PurchaseOrderId, requeued_at as RequeuedAt, requeued_by as RequeuedBy,
        resolved_at as ResolvedAt
        """;

    public async Task Record(DeadLetterRequeue requeue, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into dead_letter_requeue
                (requeue_id, message_id, dead_letter_queue, target_queue, reason, purchase_order_id, requeued_at, requeued_by)
            values
                (@RequeueId, @MessageId, @DeadLetterQueue, @TargetQueue, @Reason, @PurchaseOrderId, @RequeuedAt, @RequeuedBy)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, requeue, cancellationToken: cancellationToken));
    }

    /// <summary>Takes back the record of a requeue whose copy the broker never confirmed.</summary>
    public async Task Forget(Guid requeueId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from dead_letter_requeue where requeue_id = @requeueId", new { requeueId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DeadLetterRequeue>> ForMessage(string messageId, CancellationToken cancellationToken)
    {
        var sql = $"select {Columns} from dead_letter_requeue where message_id = @messageId order by requeued_at";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeadLetterRequeue>(new CommandDefinition(sql, new { messageId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<DeadLetterRequeueSummary>> Since(DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = """
            select dead_letter_queue as DeadLetterQueue, count(*)::int as Requeued, count(resolved_at)::int as Resolved
            from dead_letter_requeue
            where requeued_at >= @since
            group by dead_letter_queue
            order by dead_letter_queue
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeadLetterRequeueSummary>(new CommandDefinition(sql, new { since }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
