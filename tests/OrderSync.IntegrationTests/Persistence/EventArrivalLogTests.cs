using Npgsql;
using OrderSync.IntegrationTests.Saga;
using OrderSync.Persistence;

namespace OrderSync.IntegrationTests.Persistence;

public sealed class EventArrivalLogTests(PostgresSagaDatabase database) : IClassFixture<PostgresSagaDatabase>, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(database.ConnectionString);

    [Fact]
    public async Task Each_order_numbers_its_events_from_one_in_the_order_they_are_recorded()
    {
        var log = new EventArrivalLog(_dataSource);
        var (order, other) = (Guid.NewGuid(), Guid.NewGuid());

        var numbers = new List<int>();
        foreach (var eventId in new[] { "e1", "e2", "e3" })
        {
            numbers.Add((await log.Record(order, eventId, CancellationToken.None)).Sequence);
        }

        numbers.ShouldBe([1, 2, 3]);
        (await log.Record(other, "e1", CancellationToken.None)).Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task A_copy_of_an_event_keeps_the_number_and_arrival_time_of_the_first_so_it_leaves_no_gap()
    {
        var log = new EventArrivalLog(_dataSource);
        var order = Guid.NewGuid();
        var first = await log.Record(order, "shipment-1", CancellationToken.None);
        await log.Record(order, "track-1", CancellationToken.None);

        var copy = await log.Record(order, "shipment-1", CancellationToken.None);
        var next = await log.Record(order, "cancel-1", CancellationToken.None);

        copy.ShouldBe(first);
        first.ArrivedAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        next.Sequence.ShouldBe(3);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
