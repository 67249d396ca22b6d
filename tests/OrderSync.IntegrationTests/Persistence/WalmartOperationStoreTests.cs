using System.Text.Json.Nodes;
using Dapper;
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
        var start = await AskedFor(Guid.CreateVersion7());

        await using (var run = (await new WalmartOperationStore(_worker).TryBegin(start, CancellationToken.None)).Session)
        {
            run.ShouldNotBeNull();
            var copy = await new WalmartOperationStore(_otherWorker).TryBegin(start, CancellationToken.None);
            copy.Session.ShouldBeNull();
            copy.UnknownToItsOrder.ShouldBeFalse();
        }

        await using var later = (await new WalmartOperationStore(_otherWorker).TryBegin(start, CancellationToken.None)).Session;
        later.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_run_whose_start_fails_after_taking_the_lock_leaves_no_lock_in_the_pooled_connection()
    {
        var start = await AskedFor(Guid.CreateVersion7());

        // A null store code fails the insert that follows the lock in the same round trip.
        await Should.ThrowAsync<PostgresException>(() => new WalmartOperationStore(_worker).TryBegin(start with { StoreCode = null! }, CancellationToken.None));

        await using var copy = (await new WalmartOperationStore(_otherWorker).TryBegin(start, CancellationToken.None)).Session;
        copy.ShouldNotBeNull("the failed start's lock was left behind");
    }

    [Fact]
    public async Task A_ship_learns_the_lines_the_orders_other_unfinished_ships_settled_on()
    {
        var purchaseOrderId = Guid.NewGuid().ToString("N")[..15];
        var correlationId = Guid.NewGuid();
        var store = new WalmartOperationStore(_worker);
        await using (var failed = (await store.TryBegin(await AskedFor(Guid.CreateVersion7(), purchaseOrderId, correlationId), CancellationToken.None)).Session)
        {
            await failed!.SavePlan("""[{"lineNumber":"1","sku":"MUG","quantity":1,"openBefore":1}]""", CancellationToken.None);
            await failed.RecordFailure("refused", CancellationToken.None);
        }

        await using (var succeeded = (await store.TryBegin(await AskedFor(Guid.CreateVersion7(), purchaseOrderId, correlationId), CancellationToken.None)).Session)
        {
            await succeeded!.SavePlan("""[{"lineNumber":"2","sku":"MUG","quantity":1,"openBefore":1}]""", CancellationToken.None);
            await succeeded.Succeeded("{}", CancellationToken.None);
        }

        await using var next = (await store.TryBegin(await AskedFor(Guid.CreateVersion7(), purchaseOrderId, correlationId), CancellationToken.None)).Session;

        next!.UnfinishedShipPlans.ShouldHaveSingleItem().ShouldContain("\"lineNumber\": \"1\"");
    }

    [Fact]
    public async Task An_operation_its_order_does_not_list_is_not_begun_nor_recorded_and_leaves_no_lock()
    {
        // What a late copy of a command finds once retention removed its order, or its order was synced again from scratch.
        var gone = Start(Guid.CreateVersion7(), correlationId: Guid.NewGuid());
        var other = await AskedFor(Guid.CreateVersion7());
        var strayOfAKnownOrder = Start(Guid.CreateVersion7(), correlationId: other.CorrelationId);
        var store = new WalmartOperationStore(_worker);

        foreach (var start in new[] { gone, strayOfAKnownOrder })
        {
            var begun = await store.TryBegin(start, CancellationToken.None);
            begun.Session.ShouldBeNull();
            begun.UnknownToItsOrder.ShouldBeTrue();
            (await store.Begin(start, CancellationToken.None)).ShouldBeNull();
        }

        await using var connection = await _worker.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<long>(
            "select count(*) from walmart_operation where operation_id = any(@ids)", new { ids = new[] { gone.OperationId, strayOfAKnownOrder.OperationId } })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("select count(*) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())")).ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _otherWorker.DisposeAsync();
    }

    /// <summary>The operation, listed by its order as the saga lists what it sends.</summary>
    private async Task<OperationStart> AskedFor(Guid operationId, string purchaseOrderId = "108829735420014", Guid? correlationId = null)
    {
        var start = Start(operationId, purchaseOrderId, correlationId ?? Guid.NewGuid());
        var operation = new JsonObject { ["OperationId"] = operationId.ToString(), ["Kind"] = 0, ["Status"] = 1 };
        var order = new JsonObject
        {
            ["CorrelationId"] = start.CorrelationId.ToString(),
            ["StoreCode"] = start.StoreCode,
            ["PurchaseOrderId"] = purchaseOrderId,
            ["Operations"] = new JsonArray(operation),
        };
        await using var connection = await _worker.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into order_sync_saga (correlation_id, version, data) values (@correlationId, 1, @order::jsonb)
            on conflict (correlation_id) do update
            set data = jsonb_set(order_sync_saga.data, '{Operations}', (order_sync_saga.data -> 'Operations') || (@operation::jsonb))
            """,
            new { correlationId = start.CorrelationId, order = order.ToJsonString(), operation = operation.ToJsonString() });
        return start;
    }

    private static OperationStart Start(Guid operationId, string purchaseOrderId = "108829735420014", Guid? correlationId = null) =>
        new(operationId, correlationId ?? Guid.NewGuid(), "walmart_us", purchaseOrderId, "Ship", "event-" + operationId);
}
