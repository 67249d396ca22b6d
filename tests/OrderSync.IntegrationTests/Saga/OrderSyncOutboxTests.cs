using System.Text.Json;
using Npgsql;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;
using OrderSync.Worker.Saga;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// The saga's outbox on PostgreSQL: what an order decided is saved with its state, and what a stopped worker saved but did
/// not send is delivered later by any instance, in order, once.
/// </summary>
public sealed class OrderSyncOutboxTests(PostgresSagaDatabase database) : IClassFixture<PostgresSagaDatabase>
{
    [Fact]
    public async Task What_a_stopped_worker_saved_but_did_not_send_is_delivered_later_in_order_and_once()
    {
        var store = NewStore();
        var order = SagaOrder.New();
        var saved = await Apply(store, order.Shipment("s1", "1Z1", ("MUG", 1)), deliver: false);
        saved.ShouldHaveSingleItem().Kind.ShouldBe(OutboxMessage.Operation);
        await Apply(store, order.Cancellation("out_of_stock"), deliver: false);

        (await store.OrdersLeftUndelivered(TimeSpan.Zero, CancellationToken.None)).ShouldContain(order.CorrelationId);
        var delivered = new List<OutboxMessage>();
        var count = await store.DeliverLeftovers(order.CorrelationId, messages => Record(delivered, messages), CancellationToken.None);

        count.ShouldBe(1);
        delivered.ShouldHaveSingleItem().Kind.ShouldBe(OutboxMessage.Operation);
        delivered[0].ReadOperation().ShouldSatisfyAllConditions(
            command => command.CorrelationId.ShouldBe(order.CorrelationId),
            command => command.Shipment!.Track.TrackNumber.ShouldBe("1Z1"));
        (await store.DeliverLeftovers(order.CorrelationId, messages => Record(delivered, messages), CancellationToken.None)).ShouldBe(0);
        (await store.OrdersLeftUndelivered(TimeSpan.Zero, CancellationToken.None)).ShouldNotContain(order.CorrelationId);
    }

    [Fact]
    public async Task An_order_being_delivered_by_one_instance_is_left_alone_by_another()
    {
        var store = NewStore();
        var order = SagaOrder.New();
        await Apply(store, order.Shipment("s1", "1Z1", ("MUG", 1)), deliver: false);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var first = store.DeliverLeftovers(order.CorrelationId, async _ =>
        {
            inside.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await inside.Task;
        var second = await store.DeliverLeftovers(order.CorrelationId, _ => Task.CompletedTask, CancellationToken.None);
        release.SetResult();

        second.ShouldBe(0);
        (await first).ShouldBe(1);
    }

    [Fact]
    public async Task Messages_marked_delivered_are_deleted_in_one_statement_and_an_order_never_committed_leaves_nothing()
    {
        var store = NewStore();
        var order = SagaOrder.New();
        var stored = await Apply(store, order.Shipment("s1", "1Z1", ("MUG", 1)), deliver: true);

        (await store.DeleteDelivered(CancellationToken.None)).ShouldBe(stored.Count);
        (await store.OrdersLeftUndelivered(TimeSpan.Zero, CancellationToken.None)).ShouldNotContain(order.CorrelationId);

        var other = SagaOrder.New();
        await using (var transaction = await store.Begin(other.CorrelationId, CancellationToken.None))
        {
            _ = OrderSyncRules.On(OrderSyncState.New(other.CorrelationId), other.Shipment("s1", "1Z1", ("MUG", 1)), DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), TimeSpan.FromHours(4));
        }

        await using var check = await store.Begin(other.CorrelationId, CancellationToken.None);
        check.State.ShouldBeNull();
        (await store.OrdersLeftUndelivered(TimeSpan.Zero, CancellationToken.None)).ShouldNotContain(other.CorrelationId);
    }

    [Fact]
    public async Task Every_kind_of_message_reads_back_from_the_outbox_as_it_was_decided()
    {
        var store = NewStore();
        var order = SagaOrder.New();
        var now = DateTimeOffset.UtcNow;
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 1));
        var result = new SyncResultCloudEvent
        {
            Id = Guid.NewGuid().ToString(),
            Type = SyncResultTypes.ShipmentSynced,
            Subject = order.PurchaseOrderId,
            Time = now,
            Data = new ShipmentSyncedData
            {
                PurchaseOrderId = order.PurchaseOrderId,
                OrderIncrementId = order.OrderIncrementId,
                StoreCode = order.StoreCode,
                OrderStatus = OrderStatuses.PartiallyShipped,
                OccurredAt = now,
                CausationId = shipment.Context.EventId,
                ShipmentId = "s1",
                Lines = [new ShippedLine("1", "MUG", 1, "UPS", "1Z1")],
            },
        };
        Decision[] decisions = [new PublishResult(result, now), new ReleaseHeldEvent(shipment, 2), new WakeUpAt(now.AddSeconds(30))];
        var messages = decisions.Select(d => OutboxMessage.From(order.CorrelationId, d)!).ToList();
        await using (var transaction = await store.Begin(order.CorrelationId, CancellationToken.None))
        {
            await transaction.Commit(OrderSyncState.New(order.CorrelationId), stateChanged: true, messages, CancellationToken.None);
        }

        var read = new List<OutboxMessage>();
        await store.DeliverLeftovers(order.CorrelationId, stored => Record(read, stored), CancellationToken.None);

        read.Select(m => m.Kind).ShouldBe([OutboxMessage.Result, OutboxMessage.ReleaseShipment, OutboxMessage.WakeUp]);
        JsonSerializer.Serialize(read[0].ReadResult()).ShouldBe(JsonSerializer.Serialize(result));
        read[0].ReadResult().Data.ShouldBeOfType<ShipmentSyncedData>().Lines.ShouldHaveSingleItem().TrackingNumber.ShouldBe("1Z1");
        read[1].ReadReleased().ShouldBeOfType<ShipmentReceived>().Context.ShouldBe(shipment.Context);
        read[2].ReadWakeUpTime().ShouldBe(now.AddSeconds(30), TimeSpan.FromMilliseconds(1));
    }

    private OrderSyncStore NewStore() => new(NpgsqlDataSource.Create(database.ConnectionString));

    /// <summary>Applies an event as the saga's consumer does, up to its commit; it marks the messages delivered only when asked.</summary>
    private static async Task<IReadOnlyList<OutboxMessage>> Apply(OrderSyncStore store, IOrderEvent orderEvent, bool deliver)
    {
        await using var transaction = await store.Begin(orderEvent.CorrelationId, CancellationToken.None);
        var state = transaction.State ?? OrderSyncState.New(orderEvent.CorrelationId);
        var decided = orderEvent switch
        {
            ShipmentReceived shipment => OrderSyncRules.On(state, shipment, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), TimeSpan.FromHours(4)),
            CancellationRequested cancellation => OrderSyncRules.On(state, cancellation, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30)),
            _ => throw new NotSupportedException(orderEvent.GetType().Name),
        };
        var messages = decided.Decisions.Select(d => OutboxMessage.From(orderEvent.CorrelationId, d)).OfType<OutboxMessage>().ToList();
        var stored = await transaction.Commit(state, decided.StateChanged, messages, CancellationToken.None);
        if (deliver)
        {
            store.Delivered(stored);
        }

        return stored;
    }

    private static Task Record(List<OutboxMessage> delivered, IReadOnlyList<OutboxMessage> messages)
    {
        delivered.AddRange(messages);
        return Task.CompletedTask;
    }
}
