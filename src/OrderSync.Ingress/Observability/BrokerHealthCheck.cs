using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderSync.Ingress.Publishing;

namespace OrderSync.Ingress.Observability;

/// <summary>Ready while the publisher holds an open connection: without it every delivery is answered 503.</summary>
public sealed class BrokerHealthCheck(CommerceEventPublisher publisher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(publisher.IsConnected
            ? HealthCheckResult.Healthy("Connected to RabbitMQ.")
            : HealthCheckResult.Unhealthy("Not connected to RabbitMQ; deliveries are answered 503."));
}
