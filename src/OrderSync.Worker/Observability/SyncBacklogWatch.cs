using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Persistence.Orders;
using OrderSync.Walmart;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Per store, the age of the oldest Commerce event the worker still owes Walmart (Channel Manager expects a sync within five
/// minutes), and how many orders owe one. Read through a partial index every 15 s whatever the scrape rate; the age is counted
/// at each scrape from the oldest event's time, so it grows between reads.
/// </summary>
public sealed class SyncBacklogWatch : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly OrderList orders;
    private readonly IOptions<WalmartOptions> walmart;
    private readonly TimeProvider clock;
    private readonly ILogger<SyncBacklogWatch> logger;
    private readonly Lock _gate = new();
    private IReadOnlyList<StoreBacklog> _backlog = [];

    public SyncBacklogWatch(NpgsqlDataSource dataSource, IOptions<WalmartOptions> walmart, TimeProvider clock, IMeterFactory meterFactory, ILogger<SyncBacklogWatch> logger)
    {
        orders = new OrderList(dataSource);
        this.walmart = walmart;
        this.clock = clock;
        this.logger = logger;
        var meter = meterFactory.Create(OrderSyncMetrics.MeterName);
        meter.CreateObservableGauge(
            "ordersync.sync.backlog.oldest_age",
            ObserveAge,
            unit: "s",
            description: "Per store, how long ago Commerce sent the oldest event not yet synced to Walmart; 0 when none waits.");
        meter.CreateObservableGauge(
            "ordersync.sync.backlog.orders",
            ObserveOrders,
            description: "Per store, orders with a Commerce event not yet synced to Walmart.");
    }

    /// <summary>One read; public for tests.</summary>
    public async Task Refresh(CancellationToken cancellationToken)
    {
        var backlog = await orders.Backlog(cancellationToken);
        lock (_gate)
        {
            _backlog = backlog;
        }
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
                // Readiness reports the database; the gauge keeps the last backlog, whose age keeps growing.
                logger.LogDebug(exception, "The sync backlog could not be read; it is read again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var now = clock.GetUtcNow();
        return PerStore().Select(store => new Measurement<double>(
            store.Backlog is null ? 0 : Math.Max(0, (now - store.Backlog.OldestEventAt).TotalSeconds),
            new KeyValuePair<string, object?>("store", store.StoreCode)));
    }

    private IEnumerable<Measurement<long>> ObserveOrders() =>
        PerStore().Select(store => new Measurement<long>(store.Backlog?.Orders ?? 0, new KeyValuePair<string, object?>("store", store.StoreCode)));

    /// <summary>Every configured store, at 0 too, so that a series does not vanish when its backlog clears.</summary>
    private List<(string StoreCode, StoreBacklog? Backlog)> PerStore()
    {
        IReadOnlyList<StoreBacklog> backlog;
        lock (_gate)
        {
            backlog = _backlog;
        }

        return [.. walmart.Value.Sellers.Keys.Select(store => store.ToLowerInvariant())
            .Concat(backlog.Select(row => row.StoreCode))
            .Distinct(StringComparer.Ordinal)
            .Select(store => (store, backlog.FirstOrDefault(row => row.StoreCode == store)))];
    }
}
