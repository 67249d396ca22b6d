using System.Diagnostics.Metrics;

namespace OrderSync.Worker.Observability;

/// <summary>The worker's own meters, exported in Prometheus format at /metrics (names there get _total and _seconds suffixes).</summary>
public sealed class OrderSyncMetrics
{
    public const string MeterName = "OrderSync";

    private readonly Counter<long> _eventsConsumed;
    private readonly Counter<long> _walmartCalls;
    private readonly Histogram<double> _walmartCallDuration;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private readonly Histogram<double> _syncLatency;
    private readonly Counter<long> _outOfArrivalOrder;
    private readonly Counter<long> _outboxDeliveredLate;
    private readonly Counter<long> _trackingChecked;
    private readonly Counter<long> _retentionPasses;
    private readonly Counter<long> _retentionRowsDeleted;
    private readonly Histogram<double> _retentionPassDuration;

    public OrderSyncMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsConsumed = meter.CreateCounter<long>("ordersync.events.consumed", description: "Commerce events consumed, by CloudEvent type.");
        _walmartCalls = meter.CreateCounter<long>("ordersync.walmart.calls", description: "Walmart calls, by operation and outcome.");
        _walmartCallDuration = meter.CreateHistogram<double>("ordersync.walmart.call.duration", unit: "s", description: "Walmart call latency.");
        _throttled = meter.CreateCounter<long>("ordersync.walmart.throttled", description: "Walmart answers of 429, or waits imposed by the client's own rate limiter.");
        _retries = meter.CreateCounter<long>("ordersync.retries", description: "Messages sent to a wait queue to be tried again later, by queue and reason.");
        _deadLetters = meter.CreateCounter<long>("ordersync.dead_letters", description: "Messages moved to an _error queue, by queue.");
        _syncLatency = meter.CreateHistogram<double>(
            "ordersync.sync.latency", unit: "s", description: "From the Commerce event's CloudEvent time to its sync result being published.");
        _outOfArrivalOrder = meter.CreateCounter<long>(
            "ordersync.events.out_of_arrival_order", description: "Events applied before an earlier event of their order, which did not come within Worker:ArrivalOrderWait.");
        _outboxDeliveredLate = meter.CreateCounter<long>(
            "ordersync.outbox.delivered_late", description: "Messages an order saved but a stopped worker did not send, sent by the outbox sweeper.");
        _trackingChecked = meter.CreateCounter<long>(
            "ordersync.tracking.checked",
            description: "Shipments' tracking checked before the Walmart call, by seller and verdict (valid, unchecked, unrecognised, refused).");
        _retentionPasses = meter.CreateCounter<long>(
            "ordersync.retention.passes", description: "Retention passes, by outcome: completed, skipped (another instance was running one) or failed.");
        _retentionRowsDeleted = meter.CreateCounter<long>("ordersync.retention.rows_deleted", description: "Rows the retention job deleted, by table.");
        _retentionPassDuration = meter.CreateHistogram<double>("ordersync.retention.pass.duration", unit: "s", description: "How long a completed retention pass took.");
    }

    public void EventConsumed(string type) => _eventsConsumed.Add(1, new KeyValuePair<string, object?>("type", type));

    public void WalmartCall(string operation, string outcome, TimeSpan duration)
    {
        _walmartCalls.Add(1, new("operation", operation), new("outcome", outcome));
        _walmartCallDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
        if (outcome == "Throttled")
        {
            _throttled.Add(1, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    public void Retried(string queue, string reason) => _retries.Add(1, new("queue", queue), new("reason", reason));

    public void DeadLettered(string queue) => _deadLetters.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void AppliedOutOfArrivalOrder() => _outOfArrivalOrder.Add(1);

    public void OutboxDeliveredLate(int count) => _outboxDeliveredLate.Add(count);

    public void TrackingChecked(string seller, string verdict) => _trackingChecked.Add(1, new("seller", seller), new("verdict", verdict));

    public void RetentionSkipped() => _retentionPasses.Add(1, new KeyValuePair<string, object?>("outcome", "skipped"));

    public void RetentionFailed() => _retentionPasses.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    public void RetentionCompleted(IReadOnlyDictionary<string, long> deletedByTable, TimeSpan duration)
    {
        _retentionPasses.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
        _retentionPassDuration.Record(duration.TotalSeconds);
        foreach (var (table, rows) in deletedByTable)
        {
            _retentionRowsDeleted.Add(rows, new KeyValuePair<string, object?>("table", table));
        }
    }

    public void Synced(string resultType, DateTimeOffset eventTime, DateTimeOffset publishedAt) =>
        _syncLatency.Record(Math.Max(0, (publishedAt - eventTime).TotalSeconds), new KeyValuePair<string, object?>("type", resultType));
}
