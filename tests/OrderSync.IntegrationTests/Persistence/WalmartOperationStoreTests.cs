using Npgsql;
using OrderSync.IntegrationTests.Saga;
using OrderSync.Persistence;

namespace OrderSync.IntegrationTests.Persistence;

public sealed class WalmartOperationStoreTests(PostgresSagaDatabase database) : IClassFixture<PostgresSagaDatabase>, IAsyncDisposable
{
    private readonly NpgsqlDataSource _worker = OrderSyncDataSource.Create(database.ConnectionString);
    private readonly NpgsqlDataSource _otherWorker = OrderSyncDataSource.Create(database.ConnectionString);

    [Fact]
    public async Task A_copy_of_a_running_operation_does_not_get_it_until_the_run_is_over()
    {
        var start = Start(Guid.CreateVersion7());

        await using (var run = await new WalmartOperationStore(_worker).TryBegin(start, CancellationToken.None))
        {
            run.ShouldNotBeNull();
            (await new WalmartOperationStore(_otherWorker).TryBegin(start, CancellationToken.None)).ShouldBeNull();
        }

        await using var later = await new WalmartOperationStore(_otherWorker).TryBegin(start, CancellationToken.None);
        later.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_run_whose_start_fails_after_taking_the_lock_leaves_no_lock_in_the_pooled_connection()
    {
        var operationId = Guid.CreateVersion7();

        // A null store code fails the insert that follows the lock in the same round trip.
        await Should.ThrowAsync<PostgresException>(() => new WalmartOperationStore(_worker).TryBegin(Start(operationId) with { StoreCode = null! }, CancellationToken.None));

        await using var copy = await new WalmartOperationStore(_otherWorker).TryBegin(Start(operationId), CancellationToken.None);
        copy.ShouldNotBeNull("the failed start's lock was left behind");
    }

    [Fact]
    public async Task A_ship_learns_the_lines_the_orders_other_unfinished_ships_settled_on()
    {
        var purchaseOrderId = Guid.NewGuid().ToString("N")[..15];
        var store = new WalmartOperationStore(_worker);
        await using (var failed = await store.TryBegin(Start(Guid.CreateVersion7(), purchaseOrderId), CancellationToken.None))
        {
            await failed!.SavePlan("""[{"lineNumber":"1","sku":"MUG","quantity":1,"openBefore":1}]""", CancellationToken.None);
            await failed.RecordFailure("refused", CancellationToken.None);
        }

        await using (var succeeded = await store.TryBegin(Start(Guid.CreateVersion7(), purchaseOrderId), CancellationToken.None))
        {
            await succeeded!.SavePlan("""[{"lineNumber":"2","sku":"MUG","quantity":1,"openBefore":1}]""", CancellationToken.None);
            await succeeded.Succeeded("{}", CancellationToken.None);
        }

        await using var next = await store.TryBegin(Start(Guid.CreateVersion7(), purchaseOrderId), CancellationToken.None);

        next!.UnfinishedShipPlans.ShouldHaveSingleItem().ShouldContain("\"lineNumber\": \"1\"");
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _otherWorker.DisposeAsync();
    }

    private static OperationStart Start(Guid operationId, string purchaseOrderId = "108829735420014") =>
        new(operationId, Guid.NewGuid(), "walmart_us", purchaseOrderId, "Ship", "event-" + operationId);
}
