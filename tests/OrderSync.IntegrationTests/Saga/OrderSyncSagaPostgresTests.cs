namespace OrderSync.IntegrationTests.Saga;

/// <summary>The saga's rules with the project's PostgreSQL saga repository.</summary>
public sealed class OrderSyncSagaPostgresTests(PostgresSagaDatabase database) : OrderSyncSagaTests, IClassFixture<PostgresSagaDatabase>
{
    protected override Task<SagaTestHost> StartHost() => SagaTestHost.StartOnPostgres(database.ConnectionString);
}
