using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrderSync.Contracts.Results;

namespace OrderSync.Worker.Reconciliation;

/// <summary>The reconciler's meters, beside the worker's own in /metrics.</summary>
public sealed class ReconciliationMetrics
{
    private readonly Counter<long> passes;
    private readonly Counter<long> ordersChecked;
    private readonly Counter<long> changes;
    private readonly Counter<long> redispatched;
    private readonly Counter<long> walmartCalls;
    private readonly Counter<long> trackOverdue;
    private readonly ConcurrentDictionary<string, int> shipmentsWaitingTooLong = new(StringComparer.Ordinal);

    public ReconciliationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Observability.OrderSyncMetrics.MeterName);
        passes = meter.CreateCounter<long>(
            "ordersync.reconciliation.passes", description: "Reconciling passes, by seller and outcome: completed, partial (the budget ran short), skipped, failed.");
        ordersChecked = meter.CreateCounter<long>("ordersync.reconciliation.orders_checked", description: "Orders a pass looked at, by seller.");
        changes = meter.CreateCounter<long>(
            "ordersync.reconciliation.changes", description: "Line changes found on Walmart and reported, by store and kind (cancelled-on-walmart, ...).");
        redispatched = meter.CreateCounter<long>(
            "ordersync.reconciliation.stuck_redispatched", description: "Operations in flight with nothing to carry them, sent again, by store.");
        walmartCalls = meter.CreateCounter<long>("ordersync.reconciliation.walmart_calls", description: "Walmart calls reconciling made, by seller.");
        trackOverdue = meter.CreateCounter<long>(
            "ordersync.reconciliation.track_overdue", description: "Shipments reported as waiting too long for their track, by store.");
        meter.CreateObservableGauge("ordersync.reconciliation.shipments_waiting_too_long", () => shipmentsWaitingTooLong.Select(
                pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("seller", pair.Key))),
            description: "Shipments waiting for their track longer than Reconciliation:TrackWaitWarning, by seller, as the last pass counted.");
    }

    public void Pass(string seller, string outcome) => passes.Add(1, new("seller", seller), new("outcome", outcome));

    public void OrdersChecked(string seller, int count) => ordersChecked.Add(count, new KeyValuePair<string, object?>("seller", seller));

    public void WalmartCalls(string seller, int count) => walmartCalls.Add(count, new KeyValuePair<string, object?>("seller", seller));

    public void ShipmentsWaitingTooLong(string seller, int count) => shipmentsWaitingTooLong[seller] = count;

    public void ChangesFound(string storeCode, IEnumerable<ChangedLine> lines)
    {
        foreach (var line in lines)
        {
            changes.Add(1, new("store", storeCode), new("kind", line.Change));
        }
    }

    public void StuckOperationRedispatched(string storeCode) => redispatched.Add(1, new KeyValuePair<string, object?>("store", storeCode));

    public void TrackOverdue(string storeCode) => trackOverdue.Add(1, new KeyValuePair<string, object?>("store", storeCode));
}
