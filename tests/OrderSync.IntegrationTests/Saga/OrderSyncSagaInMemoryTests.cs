namespace OrderSync.IntegrationTests.Saga;

/// <summary>The saga's rules with MassTransit's in-memory saga repository.</summary>
public sealed class OrderSyncSagaInMemoryTests : OrderSyncSagaTests
{
    protected override Task<SagaTestHost> StartHost() => SagaTestHost.StartInMemory();
}
