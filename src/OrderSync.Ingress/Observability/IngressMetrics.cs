using System.Diagnostics.Metrics;

namespace OrderSync.Ingress.Observability;

/// <summary>The ingress's meters, exported in Prometheus format at /metrics (names there get a _total suffix).</summary>
public sealed class IngressMetrics
{
    public const string MeterName = "OrderSync.Ingress";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _eventsPublished;

    public IngressMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>(
            "ordersync.ingress.deliveries",
            description: "Adobe I/O Events deliveries, by outcome: forwarded, unsigned, not-authentic, key-path-refused, wrong-recipient, malformed, too-large, broker-unavailable, key-domain-unavailable.");
        _eventsPublished = meter.CreateCounter<long>("ordersync.ingress.events.published", description: "CloudEvents the broker confirmed, by type.");
    }

    public void Delivery(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Published(string type) => _eventsPublished.Add(1, new KeyValuePair<string, object?>("type", type));
}
