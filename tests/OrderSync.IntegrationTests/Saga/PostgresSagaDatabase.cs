using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Persistence;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// A migrated database of the test class's own for the PostgreSQL saga repository. Its tests share it but not their rows: each works
/// on orders with purchase order ids of its own, so each saga row belongs to one test; a database per test would cost a second each.
/// </summary>
public sealed class PostgresSagaDatabase : IAsyncLifetime
{
    private IsolatedEnvironment _environment = null!;

    public string ConnectionString => _environment.Postgres;

    public async Task InitializeAsync()
    {
        _environment = await IsolatedEnvironment.Create();
        DatabaseMigrator.Migrate(_environment.Postgres);
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();
}
