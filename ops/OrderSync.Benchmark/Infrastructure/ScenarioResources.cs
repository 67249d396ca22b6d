using Npgsql;
using OrderSync.Testing.Services;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>A virtual host and a database of one scenario's own, created fresh and removed at the end.</summary>
public sealed class ScenarioResources : IAsyncDisposable
{
    private readonly ServiceSettings _services;
    private readonly RabbitMqManagement _management;

    private ScenarioResources(ServiceSettings services, RabbitMqManagement management, string name)
    {
        _services = services;
        _management = management;
        Name = name;
    }

    /// <summary>The name of both the virtual host and the database.</summary>
    public string Name { get; }

    public Uri RabbitMq => _services.RabbitMqFor(Name);

    /// <summary>The scenario's database, created empty; the worker migrates it at start.</summary>
    public string Postgres => _services.PostgresFor(Name);

    public static async Task<ScenarioResources> CreateAsync(ServiceSettings services, RabbitMqManagement management, string scenario, CancellationToken cancellationToken)
    {
        var name = $"bench_{scenario}_{DateTime.UtcNow:MMddHHmmss}".ToLowerInvariant();
        await management.CreateVirtualHostAsync(name, cancellationToken);
        await using var connection = new NpgsqlConnection(services.Postgres);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new ScenarioResources(services, management, name);
    }

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _management.DeleteVirtualHostAsync(Name, cleanup.Token);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_services.Postgres);
        await connection.OpenAsync(cleanup.Token);
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync(cleanup.Token);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 30)
            {
                // PostgreSQL 15 refuses to end an autovacuum worker for a role that is not superuser; it ends soon.
                await Task.Delay(TimeSpan.FromSeconds(1), cleanup.Token);
            }
        }
    }
}
