using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Unhealthy while a receive endpoint has lost the broker: MassTransit's own bus check calls that Degraded, which answers 200.
/// </summary>
public sealed class BrokerHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = bus.CheckHealth().Endpoints.Where(e => e.Value.Status == BusHealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}").ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("Every receive endpoint is connected.")
            : HealthCheckResult.Unhealthy($"Not connected to RabbitMQ: {string.Join("; ", down)}"));
    }
}
