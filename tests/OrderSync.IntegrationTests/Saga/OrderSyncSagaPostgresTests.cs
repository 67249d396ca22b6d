using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Persistence;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>The saga's rules with the project's PostgreSQL saga repository, on a database of the test's own.</summary>
public sealed class OrderSyncSagaPostgresTests : OrderSyncSagaTests
{
    private IsolatedEnvironment? _environment;

    protected override async Task<SagaTestHost> StartHost()
    {
        _environment = await IsolatedEnvironment.Create();
        DatabaseMigrator.Migrate(_environment.Postgres);
        return await SagaTestHost.StartOnPostgres(_environment.Postgres);
    }

    protected override async Task Cleanup()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }
    }
}
