using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Persistence;

namespace OrderSync.Worker.Hosting;

/// <summary>Brings the schema up to date before any message is consumed.</summary>
public sealed class DatabaseMigrationService(IOptions<ConnectionStringsOptions> connections, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        DatabaseMigrator.Migrate(connections.Value.Postgres!);
        logger.LogInformation("Database schema is up to date");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
