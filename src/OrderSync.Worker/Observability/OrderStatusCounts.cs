using System.Diagnostics.Metrics;
using Dapper;
using Npgsql;

namespace OrderSync.Worker.Observability;

/// <summary>Orders per sync status (Pending before any result), read from the saga table at most every 15 s, whatever the scrape rate.</summary>
public sealed class OrderStatusCounts
{
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;

    public OrderStatusCounts(NpgsqlDataSource dataSource, TimeProvider clock, IMeterFactory meterFactory)
    {
        this.dataSource = dataSource;
        this.clock = clock;
        meterFactory.Create(OrderSyncMetrics.MeterName)
            .CreateObservableGauge("ordersync.orders", Observe, description: "Orders by Channel Manager sync status.");
    }

    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private IReadOnlyList<Measurement<long>> _last = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            if (clock.GetUtcNow() - _readAt < MaxAge)
            {
                return _last;
            }

            _readAt = clock.GetUtcNow();
        }

        try
        {
            // The indexed status column (migration 0009), not the saga documents: a million orders count in an index scan.
            const string sql = """
                select sync_status as Status, count(*) as Count
                from order_sync_saga
                where sync_status is not null
                group by 1
                """;
            using var connection = dataSource.OpenConnection();
            var rows = connection.Query<(string Status, long Count)>(sql);
            var measurements = rows.Select(r => new Measurement<long>(r.Count, new KeyValuePair<string, object?>("status", r.Status))).ToList();
            lock (_gate)
            {
                _last = measurements;
            }

            return measurements;
        }
        catch (NpgsqlException)
        {
            // Readiness reports the database; a scrape keeps the last counts rather than failing.
            return _last;
        }
    }
}
