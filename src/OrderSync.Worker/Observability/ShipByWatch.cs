using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Persistence;
using OrderSync.Walmart;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Orders with work left (a Commerce shipment Walmart has not accepted, a Walmart line open) per store, by how close Walmart's
/// ship-by date is, read through an index every 15 s whatever the scrape rate; logs once, on one instance, each such order
/// that has passed its ship-by date.
/// </summary>
public sealed class ShipByWatch : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly NpgsqlDataSource dataSource;
    private readonly IOptions<WalmartOptions> walmart;
    private readonly TimeProvider clock;
    private readonly ILogger<ShipByWatch> logger;
    private readonly Lock _gate = new();
    private IReadOnlyList<Measurement<long>> _last = [];

    public ShipByWatch(NpgsqlDataSource dataSource, IOptions<WalmartOptions> walmart, TimeProvider clock, IMeterFactory meterFactory, ILogger<ShipByWatch> logger)
    {
        this.dataSource = dataSource;
        this.walmart = walmart;
        this.clock = clock;
        this.logger = logger;
        meterFactory.Create(OrderSyncMetrics.MeterName).CreateObservableGauge(
            "ordersync.orders.ship_by",
            Observe,
            description: "Orders with work left (a shipment Walmart has not accepted, a line open) by store and how close Walmart's ship-by date is.");
    }

    public IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            return _last;
        }
    }

    /// <summary>One look: logs the orders that passed ship-by since the last, and counts them all; public for tests.</summary>
    public async Task Refresh(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await LogPassed(connection, cancellationToken);
        await Count(connection, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await Refresh(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // Readiness reports the database; the gauge keeps the last counts rather than dropping them.
                logger.LogDebug(exception, "The ship-by counts could not be read; they are read again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Marks and logs in one statement, so that each order is logged once across instances and restarts.</summary>
    private async Task LogPassed(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            update order_sync_saga set ship_by_passed_logged = true
            where has_open_work and ship_by <= @now and not ship_by_passed_logged
            returning store_code as StoreCode, purchase_order_id as PurchaseOrderId, ship_by as ShipBy
            """;
        var passed = await connection.QueryAsync<PassedOrder>(new CommandDefinition(sql, new { now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        foreach (var order in passed)
        {
            logger.LogWarning(
                "Order {PurchaseOrderId} of store {StoreCode} passed its Walmart ship-by date {ShipBy:u} with work left: Walmart cancels lines still unshipped about {AutoCancelAfterDays:0.#} days after it",
                order.PurchaseOrderId, order.StoreCode, order.ShipBy, walmart.Value.AutoCancelAfterShipBy.TotalDays);
        }
    }

    private async Task Count(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            select store_code as StoreCode, count(*) filter (where ship_by <= @now) as Overdue, count(*) filter (where ship_by > @now) as DueSoon
            from order_sync_saga
            where has_open_work and ship_by <= @dueBy
            group by store_code
            """;
        var now = clock.GetUtcNow();
        var rows = (await connection.QueryAsync<StoreCounts>(new CommandDefinition(
            sql, new { now, dueBy = now + ShipByDeadline.DueWindow }, cancellationToken: cancellationToken))).ToList();

        // Every configured store reports, at 0 too, so that a series does not vanish when its orders ship.
        var stores = walmart.Value.Sellers.Keys.Select(store => store.ToLowerInvariant())
            .Concat(rows.Select(row => row.StoreCode ?? string.Empty))
            .Distinct(StringComparer.Ordinal);
        var measurements = stores.SelectMany(store =>
        {
            var counts = rows.FirstOrDefault(row => row.StoreCode == store);
            return new[]
            {
                Measure(counts?.DueSoon ?? 0, store, "due_within_24h"),
                Measure(counts?.Overdue ?? 0, store, "overdue"),
            };
        }).ToList();
        lock (_gate)
        {
            _last = measurements;
        }
    }

    private static Measurement<long> Measure(long count, string store, string when) =>
        new(count, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("when", when));

    private sealed record PassedOrder(string? StoreCode, string? PurchaseOrderId, DateTime ShipBy);

    private sealed record StoreCounts(string? StoreCode, long Overdue, long DueSoon);
}
