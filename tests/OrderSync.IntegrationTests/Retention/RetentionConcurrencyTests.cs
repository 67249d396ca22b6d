using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Persistence;
using OrderSync.Worker.Retention;

namespace OrderSync.IntegrationTests.Retention;

/// <summary>Two instances' retention passes on one database: one works, the other skips its turn; nothing is deleted twice.</summary>
public sealed class RetentionConcurrencyTests : IAsyncLifetime
{
    private const int Orders = 2000;
    private const int RowsPerOrder = 1 + 2 + 4 + 2;

    private static readonly RetentionOptions SmallBatches = new() { BatchSize = 25 };

    private IsolatedEnvironment _environment = null!;
    private NpgsqlDataSource _oneInstance = null!;
    private NpgsqlDataSource _otherInstance = null!;

    public async Task InitializeAsync()
    {
        _environment = await IsolatedEnvironment.Create();
        DatabaseMigrator.Migrate(_environment.Postgres);
        _oneInstance = OrderSyncDataSource.Create(_environment.Postgres);
        _otherInstance = OrderSyncDataSource.Create(_environment.Postgres);
        await SeededRows.Orders(_oneInstance, SeededRows.Finished(), Orders, TimeSpan.FromDays(100), "old-");
    }

    public async Task DisposeAsync()
    {
        await _oneInstance.DisposeAsync();
        await _otherInstance.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task A_pass_started_while_another_runs_skips_its_turn_and_the_first_deletes_everything_once()
    {
        var first = Pass(_oneInstance).TryRun(CancellationToken.None);
        await Eventually.True(async () => await Remaining() < Orders, "the first pass has started deleting");

        var second = await Pass(_otherInstance).TryRun(CancellationToken.None);
        var firstDeleted = await first;

        second.ShouldBeNull("the first pass still holds the lock");
        firstDeleted.ShouldNotBeNull().Total.ShouldBe(Orders * RowsPerOrder);
        (await Remaining()).ShouldBe(0);
        (await Pass(_otherInstance).TryRun(CancellationToken.None)).ShouldNotBeNull("the lock was released").Total.ShouldBe(0);
    }

    [Fact]
    public async Task Passes_started_together_on_two_instances_delete_each_row_once_without_an_error()
    {
        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() => Pass(n % 2 == 0 ? _oneInstance : _otherInstance).TryRun(CancellationToken.None))));

        passes.Where(deleted => deleted is not null).Sum(deleted => deleted!.Total).ShouldBe(Orders * RowsPerOrder);
        passes.Count(deleted => deleted is { Total: > 0 }).ShouldBe(1);
        (await Remaining()).ShouldBe(0);
    }

    private static RetentionPass Pass(NpgsqlDataSource instance) => new(instance, Options.Create(SmallBatches), TimeProvider.System);

    private Task<long> Remaining() => SeededRows.OfOrders(_oneInstance, "order_sync_saga", "old-");
}
