using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Persistence;
using OrderSync.Worker.Retention;

namespace OrderSync.IntegrationTests.Retention;

/// <summary>What one pass deletes and what it keeps, rule by rule, on a database of the test's own seeded with old rows.</summary>
public sealed class RetentionPassTests : IAsyncLifetime
{
    private static readonly TimeSpan Days100 = TimeSpan.FromDays(100);
    private static readonly TimeSpan Days400 = TimeSpan.FromDays(400);

    private IsolatedEnvironment _environment = null!;
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync()
    {
        _environment = await IsolatedEnvironment.Create();
        DatabaseMigrator.Migrate(_environment.Postgres);
        _database = OrderSyncDataSource.Create(_environment.Postgres);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task Each_rule_deletes_what_is_older_than_its_age_and_keeps_the_rest()
    {
        await SeededRows.Orders(_database, SeededRows.Finished(), 30, Days100, "finished-old-");
        await SeededRows.Orders(_database, SeededRows.Finished(), 5, TimeSpan.FromDays(80), "finished-recent-");
        await SeededRows.Orders(_database, SeededRows.InFlight(), 7, Days100, "unfinished-old-");
        await SeededRows.Orders(_database, SeededRows.InFlight(), 9, Days400, "idle-");
        await SeededRows.Orders(_database, SeededRows.Finished(), 3, Days100, "finished-unsent-");
        await Outbox("finished-unsent-");
        await SeededRows.OrphanArrivals(_database, 11, Days400);
        await SeededRows.OrphanArrivals(_database, 4, Days100);
        await SeededRows.DeadLetterRecords(_database, 6, TimeSpan.FromDays(200));
        await SeededRows.DeadLetterRecords(_database, 2, Days100);

        var deleted = await Pass(new RetentionOptions { BatchSize = 4, CallHistory = TimeSpan.FromDays(90) }).TryRun(CancellationToken.None);

        (await Orders("finished-old-")).ShouldBe(0);
        (await SeededRows.OfOrders(_database, "walmart_operation", "finished-old-")).ShouldBe(0);
        (await SeededRows.OfOrders(_database, "walmart_call", "finished-old-")).ShouldBe(0);
        (await Orders("idle-")).ShouldBe(0);
        (await Orders("finished-recent-")).ShouldBe(5);
        (await SeededRows.OfOrders(_database, "walmart_call", "finished-recent-")).ShouldBe(5 * 4);
        (await Orders("unfinished-old-")).ShouldBe(7, "an order with an operation in flight waits for Retention:IdleOrders");
        (await SeededRows.OfOrders(_database, "walmart_operation", "unfinished-old-")).ShouldBe(7 * 2);
        (await SeededRows.OfOrders(_database, "order_event_arrival", "unfinished-old-")).ShouldBe(7 * 2);
        (await SeededRows.OfOrders(_database, "walmart_call", "unfinished-old-")).ShouldBe(0, "calls go after Retention:CallHistory, whatever their order");
        (await Orders("finished-unsent-")).ShouldBe(3, "an order with messages still to send is not finished");
        (await SeededRows.Count(_database, "select count(*) from order_event_arrival where event_id = 'orphan'")).ShouldBe(4);
        (await SeededRows.Count(_database, "select count(*) from dead_letter_archive")).ShouldBe(2);
        (await SeededRows.Count(_database, "select count(*) from dead_letter_requeue")).ShouldBe(2);
        (await SeededRows.Count(_database, "select count(*) from walmart_operation where correlation_id not in (select correlation_id from order_sync_saga)")).ShouldBe(0);

        deleted.ShouldNotBeNull();
        deleted.ByTable.ShouldBe(new Dictionary<string, long>
        {
            ["order_sync_saga"] = 30 + 9,
            ["walmart_operation"] = (30 + 9) * 2,
            ["walmart_call"] = ((30 + 9) * 4) + (7 * 4) + (3 * 4),
            ["order_event_arrival"] = ((30 + 9) * 2) + 11,
            ["dead_letter_archive"] = 6,
            ["dead_letter_requeue"] = 6,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task An_order_untouched_past_the_idle_age_goes_with_its_unsent_messages()
    {
        await SeededRows.Orders(_database, SeededRows.Finished(), 2, Days400, "idle-unsent-");
        await Outbox("idle-unsent-");

        var deleted = await Pass(new RetentionOptions()).TryRun(CancellationToken.None);

        (await Orders("idle-unsent-")).ShouldBe(0);
        deleted!.ByTable["order_sync_outbox"].ShouldBe(2);
        (await SeededRows.Count(_database, "select count(*) from order_sync_outbox")).ShouldBe(0);
    }

    [Fact]
    public async Task An_age_of_zero_keeps_that_kind_of_row()
    {
        await SeededRows.Orders(_database, SeededRows.Finished(), 3, Days400, "kept-");
        await SeededRows.DeadLetterRecords(_database, 2, Days400);

        var deleted = await Pass(new RetentionOptions
        {
            FinishedOrders = TimeSpan.Zero,
            IdleOrders = TimeSpan.Zero,
            CallHistory = TimeSpan.Zero,
            DeadLetterArchive = TimeSpan.Zero,
        }).TryRun(CancellationToken.None);

        deleted!.Total.ShouldBe(0);
        (await Orders("kept-")).ShouldBe(3);
        (await SeededRows.OfOrders(_database, "walmart_call", "kept-")).ShouldBe(3 * 4);
        (await SeededRows.Count(_database, "select count(*) from dead_letter_archive")).ShouldBe(2);
    }

    [Fact]
    public async Task An_order_a_message_is_being_applied_to_is_left_for_a_later_pass()
    {
        await SeededRows.Orders(_database, SeededRows.Finished(), 1, Days100, "locked-");
        await using var saga = await _database.OpenConnectionAsync();
        await using var applying = await saga.BeginTransactionAsync();
        await saga.ExecuteAsync("select 1 from order_sync_saga where purchase_order_id = 'locked-1' for update", transaction: applying);

        var whileLocked = await Pass(new RetentionOptions()).TryRun(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await applying.RollbackAsync();
        var after = await Pass(new RetentionOptions()).TryRun(CancellationToken.None);

        whileLocked!.ByTable.ShouldNotContainKey("order_sync_saga");
        after!.ByTable["order_sync_saga"].ShouldBe(1);
    }

    private RetentionPass Pass(RetentionOptions options) => new(_database, Options.Create(options), TimeProvider.System);

    private Task<long> Orders(string prefix) => SeededRows.OfOrders(_database, "order_sync_saga", prefix);

    private async Task Outbox(string prefix)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "insert into order_sync_outbox (correlation_id, kind, body) select correlation_id, 'PublishResult', '{}' from order_sync_saga where purchase_order_id like @pattern",
            new { pattern = prefix + "%" });
    }
}
