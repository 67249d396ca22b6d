using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>Numbers each order's events in the order the intake reads them (table order_event_arrival).</summary>
public sealed class EventArrivalLog(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The next number of the order, or the number the event already has: a copy read again (a redelivery after a crash, or
    /// Commerce publishing twice) leaves no gap for the saga to wait on.
    /// </summary>
    public async Task<EventArrival> Record(Guid orderId, string eventId, CancellationToken cancellationToken)
    {
        // The update on conflict changes nothing; it is there so that RETURNING gives the existing row's number.
        const string sql = """
            insert into order_event_arrival (order_id, event_id, sequence)
            select @orderId, @eventId, coalesce(max(sequence), 0) + 1 from order_event_arrival where order_id = @orderId
            on conflict (order_id, event_id) do update set event_id = excluded.event_id
            returning sequence as Sequence, arrived_at as ArrivedAt
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<EventArrival>(new CommandDefinition(sql, new { orderId, eventId }, cancellationToken: cancellationToken));
    }
}
