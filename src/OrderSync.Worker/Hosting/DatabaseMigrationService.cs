using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Persistence;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Before any message is consumed: brings the schema up to date (<c>Database__MigrateOnStart</c>, the default), or checks that
/// the separate migration step already did.
/// </summary>
public sealed class DatabaseMigrationService(
    IOptions<ConnectionStringsOptions> connections, IOptions<DatabaseOptions> database, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateOnStart)
        {
            DatabaseMigrator.Migrate(connections.Value.Postgres!);
            logger.LogInformation("Database schema is up to date");
            return Task.CompletedTask;
        }

        var pending = DatabaseMigrator.PendingScripts(connections.Value.Postgres!);
        if (pending.Count > 0)
        {
            throw new SchemaNotCurrentException(pending);
        }

        logger.LogInformation("Database schema is current (migrated separately)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
