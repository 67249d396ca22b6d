using Npgsql;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Workload;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>
/// Reads from a scenario's database when the intake numbered each answered event and when its Walmart operation began and
/// ended, and puts them beside the times the benchmark saw. Events without a succeeded operation of their own are left out.
/// </summary>
public static class EventTimelines
{
    // now() in PostgreSQL is its transaction's start: each of these rows is written by one statement, or one batch, of its own.
    private const string Sql = """
        select a.event_id, a.arrived_at, min(o.created_at), max(o.updated_at)
        from order_event_arrival a
        join walmart_operation o on o.causation_id = a.event_id and o.status = 'succeeded'
        where a.event_id = any(@ids)
        group by a.event_id, a.arrived_at
        """;

    public static async Task<IReadOnlyList<EventTimeline>> ReadAsync(
        string postgres, IReadOnlyList<(PlannedEvent Event, ObservedResult Result)> answered, CancellationToken cancellationToken)
    {
        var byId = answered.ToDictionary(pair => pair.Event.Id);
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("ids", byId.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var timelines = new List<EventTimeline>(byId.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (planned, result) = byId[reader.GetString(0)];
            timelines.Add(new EventTimeline(
                planned.PublishedAt,
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                result.ArrivedAt));
        }

        return timelines;
    }
}
