using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace OrderSync.Worker.Observability;

/// <summary>Unhealthy while PostgreSQL does not answer; the description gives at most the server's SQLSTATE code, never its message.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (PostgresException exception)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL refused the check (SQLSTATE {exception.SqlState}).");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
        }
    }
}
