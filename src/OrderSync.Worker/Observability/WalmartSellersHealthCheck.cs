using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderSync.Walmart;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Degraded, not unhealthy, when some seller cannot get a token: the other sellers still sync, so the instance stays in
/// rotation, and the details name the store whose credentials to fix.
/// </summary>
public sealed class WalmartSellersHealthCheck(WalmartSellerCheck sellers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await sellers.CheckAsync(cancellationToken);
        var failing = results.Where(r => r.Value is not null).ToDictionary(r => r.Key, r => (object)r.Value!);
        return failing.Count == 0
            ? HealthCheckResult.Healthy($"All {results.Count} sellers have a Walmart token.")
            : failing.Count == results.Count
                ? HealthCheckResult.Unhealthy("No seller can get a Walmart token.", data: failing)
                : HealthCheckResult.Degraded($"{failing.Count} of {results.Count} sellers cannot get a Walmart token.", data: failing);
    }
}
