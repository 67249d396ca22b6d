using Dapper;
using Npgsql;

namespace OrderSync.Persistence.Orders;

/// <summary>What happened to one order, for its timeline: its Commerce events as the intake read them, and its Walmart operations.</summary>
public sealed class OrderHistory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ArrivedEvent>> Events(Guid correlationId, CancellationToken cancellationToken)
    {
        const string sql = """
            select event_id as EventId, sequence as Sequence, arrived_at as ArrivedAt
            from order_event_arrival where order_id = @correlationId order by sequence
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ArrivedEvent>(new CommandDefinition(sql, new { correlationId }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<FinishedOperation>> Operations(Guid correlationId, CancellationToken cancellationToken)
    {
        const string sql = """
            select operation_id as OperationId, kind as Kind, causation_id as CausationId, status as Status, attempts as Attempts,
                   last_error as LastError, updated_at as UpdatedAt
            from walmart_operation where correlation_id = @correlationId order by created_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<FinishedOperation>(new CommandDefinition(sql, new { correlationId }, cancellationToken: cancellationToken))];
    }
}

public sealed record ArrivedEvent
{
    public required string EventId { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset ArrivedAt { get; init; }
}

public sealed record FinishedOperation
{
    public Guid OperationId { get; init; }
    public required string Kind { get; init; }
    public required string CausationId { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
