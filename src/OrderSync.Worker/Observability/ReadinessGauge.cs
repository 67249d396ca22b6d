using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderSync.Worker.Observability;

/// <summary>
/// 1 while the readiness checks (broker, database, sellers) pass, else 0, as the health check publisher last ran them (every
/// 30 s): an alert on "no instance ready" sums it over the instances.
/// </summary>
public sealed class ReadinessGauge : IHealthCheckPublisher
{
    private int _ready;

    public ReadinessGauge(IMeterFactory meterFactory) =>
        meterFactory.Create(OrderSyncMetrics.MeterName)
            .CreateObservableGauge("ordersync.ready", () => Volatile.Read(ref _ready), description: "1 while this instance's readiness checks pass, else 0.");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _ready, report.Status == HealthStatus.Healthy ? 1 : 0);
        return Task.CompletedTask;
    }
}
