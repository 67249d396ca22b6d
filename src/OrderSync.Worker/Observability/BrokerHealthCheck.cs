using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Unhealthy while a receive endpoint has lost the broker: MassTransit's own bus check calls that Degraded, which answers 200.
/// The description counts the endpoints; MassTransit's descriptions of them carry its exceptions, and its log has them.
/// </summary>
public sealed class BrokerHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoints = bus.CheckHealth().Endpoints;
        var down = endpoints.Count(e => e.Value.Status == BusHealthStatus.Unhealthy);
        return Task.FromResult(down == 0
            ? HealthCheckResult.Healthy("Every receive endpoint is connected.")
            : HealthCheckResult.Unhealthy($"{down} of {endpoints.Count} receive endpoints are not connected to RabbitMQ."));
    }
}
