using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderSync.Walmart;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Degraded, not unhealthy, when some seller has no token: the other sellers still sync, so the instance stays in
/// rotation, and the description names each store whose credentials to fix, with the reason in fixed words.
/// </summary>
public sealed class WalmartSellersHealthCheck(WalmartSellerCheck sellers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = await sellers.CheckAsync(cancellationToken);
        var failing = statuses.Where(status => !status.HasToken).ToList();
        if (failing.Count == 0)
        {
            return HealthCheckResult.Healthy($"All {statuses.Count} sellers have a Walmart token.");
        }

        var reasons = string.Join("; ", failing.Select(status => $"{status.StoreCode}: {status.Reason}"));
        return failing.Count == statuses.Count
            ? HealthCheckResult.Unhealthy($"No seller can get a Walmart token: {reasons}.")
            : HealthCheckResult.Degraded($"{failing.Count} of {statuses.Count} sellers cannot get a Walmart token: {reasons}.");
    }
}
