using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.State;
using OrderSync.Worker.Inbound;
using OrderSync.Worker.Saga;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// The order sync saga's rules, driven through MassTransit's test harness: each test delivers the saga events the intake makes of
/// Commerce's events, takes the Walmart operations the saga sends, answers them as the operation consumer would, and reads the results
/// Commerce gets. Run once per saga repository (in memory, and the project's PostgreSQL one).
/// </summary>
public abstract class OrderSyncSagaTests : IAsyncLifetime
{
    private SagaTestHost _host = null!;

    protected SagaTestHost Host => _host;

    public async Task InitializeAsync() => _host = await StartHost();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected abstract Task<SagaTestHost> StartHost();

    // ---- One saga per purchase order ----

    [Fact]
    public async Task Events_of_one_purchase_order_share_one_saga_and_the_same_order_of_another_store_has_its_own()
    {
        var us = SagaOrder.New("walmart_us");
        var ca = new SagaOrder("walmart_ca", us.PurchaseOrderId);
        Seed(us, ("MUG", 1), ("TEE", 1));

        await Host.Deliver(us.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(us.Shipment("s2", "1Z2", ("TEE", 1)));
        await Host.Deliver(ca.Cancellation("out_of_stock"));

        ca.CorrelationId.ShouldNotBe(us.CorrelationId);
        var usState = await Host.State(us.CorrelationId);
        usState.Shipments.Select(s => s.ShipmentId).ShouldBe(["s1", "s2"]);
        usState.StoreCode.ShouldBe("walmart_us");
        var caState = await Host.State(ca.CorrelationId);
        caState.StoreCode.ShouldBe("walmart_ca");
        caState.Shipments.ShouldBeEmpty();

        var commands = Host.Commands.Skip(1).ToList();
        commands.Select(c => (c.StoreCode, c.CorrelationId, c.Kind)).ShouldBe(
        [
            ("walmart_us", us.CorrelationId, WalmartOperationKind.Ship),
            ("walmart_ca", ca.CorrelationId, WalmartOperationKind.Cancel),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task The_stored_order_is_syncing_while_an_operation_is_in_flight_and_idle_after()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));

        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        (await Host.State(order.CorrelationId)).CurrentState.ShouldBe("Syncing");

        await Host.AnswerNext(WalmartOperationKind.Ship);
        (await Host.State(order.CorrelationId)).CurrentState.ShouldBe("Idle");
    }

    // ---- Shipments ----

    [Fact]
    public async Task A_full_shipment_ships_every_line_with_its_track_and_reports_shipped()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1), ("TEE", 1));
        var shipment = order.Shipment("412", "1Z999", ("MUG", 2), ("TEE", 1));

        await Host.Deliver(shipment);

        var ship = await Host.NextCommand();
        ship.Kind.ShouldBe(WalmartOperationKind.Ship);
        ship.PurchaseOrderId.ShouldBe(order.PurchaseOrderId);
        ship.OrderIncrementId.ShouldBe(order.OrderIncrementId);
        ship.CausationId.ShouldBe(shipment.Context.EventId);
        ship.Shipment!.ShipmentId.ShouldBe("412");
        ship.Shipment.Items.Select(i => (i.Sku, i.Quantity)).ShouldBe([("MUG", 2), ("TEE", 1)]);
        ship.Shipment.Track.TrackNumber.ShouldBe("1Z999");
        ship.Shipment.ShippedAt.ShouldBe(shipment.ShippedAt);

        await Host.Answer(ship);

        var synced = ShipmentSynced(order).ShouldHaveSingleItem();
        synced.OrderStatus.ShouldBe(OrderStatuses.Shipped);
        synced.ShipmentId.ShouldBe("412");
        synced.CausationId.ShouldBe(shipment.Context.EventId);
        synced.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity, l.TrackingNumber)).ShouldBe([("1", "MUG", 1, "1Z999"), ("2", "MUG", 1, "1Z999"), ("3", "TEE", 1, "1Z999")]);
        var state = await Host.State(order.CorrelationId);
        state.CurrentState.ShouldBe("Idle");
        state.OrderStatus.ShouldBe(OrderStatuses.Shipped);
        state.Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.Synced);
    }

    [Fact]
    public async Task Partial_shipments_accumulate_as_partially_shipped_until_every_line_is_shipped()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1), ("TEE", 1));

        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(order.Shipment("s2", "1Z2", ("MUG", 1), ("TEE", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        var results = ShipmentSynced(order);
        results.Select(r => (r.ShipmentId, r.OrderStatus)).ShouldBe([("s1", OrderStatuses.PartiallyShipped), ("s2", OrderStatuses.Shipped)]);
        results[0].Lines.Select(l => l.LineNumber).ShouldBe(["1"]);
        results[1].Lines.Select(l => l.LineNumber).ShouldBe(["2", "3"]);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldAllBe(l => l.ShippedQuantity == 1);
    }

    [Fact]
    public async Task A_shipment_of_more_than_the_open_quantity_is_a_permanent_error_from_commerce_with_the_numbers()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 2));

        await Host.Deliver(shipment);
        await Host.AnswerNext(WalmartOperationKind.Ship);

        var failed = SyncFailed(order).ShouldHaveSingleItem();
        failed.Operation.ShouldBe(SyncOperations.Shipment);
        failed.ErrorSource.ShouldBe(ErrorSources.Commerce);
        failed.OrderStatus.ShouldBe(OrderStatuses.Error);
        failed.CausationId.ShouldBe(shipment.Context.EventId);
        failed.StatusDetails.ShouldContain("2 of SKU MUG");
        failed.StatusDetails.ShouldContain("only 1");
        var state = await Host.State(order.CorrelationId);
        state.Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.Failed);
        state.CurrentState.ShouldBe("Idle");
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldAllBe(l => l.ShippedQuantity == 0);
    }

    [Fact]
    public async Task A_shipment_of_a_sku_not_on_the_order_is_a_permanent_error_from_commerce()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));

        await Host.Deliver(order.Shipment("s1", "1Z1", ("LAMP", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        var failed = SyncFailed(order).ShouldHaveSingleItem();
        failed.ErrorSource.ShouldBe(ErrorSources.Commerce);
        failed.StatusDetails.ShouldContain("SKU LAMP is not on Walmart order");
    }

    [Fact]
    public async Task A_shipment_without_a_track_waits_for_it_and_its_track_ships_it()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));

        await Host.Deliver(order.Shipment("s1", trackNumber: null, ("MUG", 1)));

        Host.ShouldHaveNoNewCommand();
        Host.Results.ShouldBeEmpty("a shipment waiting for its track is not an error");
        var waiting = await Host.State(order.CorrelationId);
        waiting.Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.WaitingForTrack);
        waiting.CurrentState.ShouldBe("Idle");

        var track = order.Track("s1", "1Z1");
        await Host.Deliver(track);

        var ship = await Host.AnswerNext(WalmartOperationKind.Ship);
        ship.Shipment!.Track.TrackNumber.ShouldBe("1Z1");
        var synced = ShipmentSynced(order).ShouldHaveSingleItem();
        synced.CausationId.ShouldBe(track.Context.EventId);
        synced.OrderStatus.ShouldBe(OrderStatuses.Shipped);
    }

    [Fact]
    public async Task A_track_before_its_shipment_is_kept_and_applied_when_the_shipment_arrives()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));

        await Host.Deliver(order.Track("s1", "1Z1"));
        Host.ShouldHaveNoNewCommand();
        (await Host.State(order.CorrelationId)).PendingTracks.ShouldHaveSingleItem().ShipmentId.ShouldBe("s1");

        await Host.Deliver(order.Shipment("s1", trackNumber: null, ("MUG", 1)));

        var ship = await Host.AnswerNext(WalmartOperationKind.Ship);
        ship.Shipment!.Track.TrackNumber.ShouldBe("1Z1");
        ShipmentSynced(order).ShouldHaveSingleItem().OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);
        (await Host.State(order.CorrelationId)).PendingTracks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_shipment_saved_again_with_a_track_ships_the_shipment_that_waited_for_one()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));

        await Host.Deliver(order.Shipment("s1", trackNumber: null, ("MUG", 1)));
        Host.ShouldHaveNoNewCommand();
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));

        var ship = await Host.AnswerNext(WalmartOperationKind.Ship);
        ship.Shipment!.Track.TrackNumber.ShouldBe("1Z1");
        ShipmentSynced(order).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_track_saved_before_the_current_one_that_arrives_after_it_changes_nothing()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 1));
        await Host.Deliver(shipment);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        var newest = order.Track("s1", "1Z3") with { Context = shipment.Context with { EventId = "t3", EventTime = shipment.Context.EventTime.AddMinutes(2) } };
        var older = order.Track("s1", "1Z2") with { Context = shipment.Context with { EventId = "t2", EventTime = shipment.Context.EventTime.AddMinutes(1) } };

        await Host.Deliver(newest);
        await Host.AnswerNext(WalmartOperationKind.UpdateTracking);
        await Host.Deliver(older);

        Host.ShouldHaveNoNewCommand();
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldHaveSingleItem().TrackingNumber.ShouldBe("1Z3");
    }

    [Fact]
    public async Task A_track_that_arrives_before_its_shipment_after_a_newer_one_is_not_the_one_shipped()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        var shipment = order.Shipment("s1", trackNumber: null, ("MUG", 1));
        var newest = order.Track("s1", "1Z3") with { Context = shipment.Context with { EventId = "t3", EventTime = shipment.Context.EventTime.AddMinutes(2) } };
        var older = order.Track("s1", "1Z2") with { Context = shipment.Context with { EventId = "t2", EventTime = shipment.Context.EventTime.AddMinutes(1) } };

        await Host.Deliver(newest);
        await Host.Deliver(older);
        await Host.Deliver(shipment);
        await Host.AnswerNext(WalmartOperationKind.Ship);

        Host.ShouldHaveNoNewCommand();
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldHaveSingleItem().TrackingNumber.ShouldBe("1Z3");
    }

    [Fact]
    public async Task A_changed_tracking_number_on_a_shipped_shipment_becomes_a_tracking_update_of_its_lines()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1), ("TEE", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        var track = order.Track("s1", "1Z2");
        await Host.Deliver(track);

        var update = await Host.AnswerNext(WalmartOperationKind.UpdateTracking);
        update.Shipment!.Lines.ShouldBe(["1", "3"]);
        update.Shipment.Track.TrackNumber.ShouldBe("1Z2");
        update.CausationId.ShouldBe(track.Context.EventId);
        var synced = ShipmentSynced(order);
        synced.Count.ShouldBe(2);
        synced[1].Lines.Select(l => (l.LineNumber, l.TrackingNumber)).ShouldBe([("1", "1Z2"), ("3", "1Z2")]);
        synced[1].OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);
        var walmart = Host.Walmart.Order(order.PurchaseOrderId);
        walmart.Lines.Select(l => (l.ShippedQuantity, l.TrackingNumber)).ShouldBe([(1, "1Z2"), (0, null), (1, "1Z2")]);
    }

    [Fact]
    public async Task The_same_tracking_number_saved_again_changes_nothing()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        await Host.Deliver(order.Track("s1", "1Z1"));

        Host.ShouldHaveNoNewCommand();
        Host.Results.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_track_that_arrives_while_its_shipment_is_being_shipped_becomes_a_tracking_update_once_the_ship_completes()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();

        var track = order.Track("s1", "1Z2");
        await Host.Deliver(track);
        Host.ShouldHaveNoNewCommand();
        await Host.Answer(ship);

        var update = await Host.AnswerNext(WalmartOperationKind.UpdateTracking);
        update.Shipment!.Track.TrackNumber.ShouldBe("1Z2");
        update.CausationId.ShouldBe(track.Context.EventId);
        Host.Walmart.Order(order.PurchaseOrderId).Lines[0].TrackingNumber.ShouldBe("1Z2");
        (await Host.State(order.CorrelationId)).Shipments.ShouldHaveSingleItem().SentTrackingNumber.ShouldBe("1Z2");
    }

    [Fact]
    public async Task A_track_that_arrives_while_a_tracking_update_is_in_flight_is_sent_after_it()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(order.Track("s1", "1Z2"));
        var update = await Host.NextCommand();

        await Host.Deliver(order.Track("s1", "1Z3"));
        Host.ShouldHaveNoNewCommand();
        await Host.Answer(update);

        var second = await Host.AnswerNext(WalmartOperationKind.UpdateTracking);
        second.Shipment!.Track.TrackNumber.ShouldBe("1Z3");
        Host.Walmart.Order(order.PurchaseOrderId).Lines[0].TrackingNumber.ShouldBe("1Z3");
        Host.ShouldHaveNoNewCommand();
    }

    [Fact]
    public async Task A_failed_tracking_update_never_ships_the_shipment_again()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(order.Track("s1", "BAD"));
        var update = await Host.NextCommand();
        await Host.Deliver(WalmartDouble.Failure(update, ErrorSources.Walmart, "Walmart refused the tracking number."));

        var failed = SyncFailed(order).ShouldHaveSingleItem();
        failed.Operation.ShouldBe(SyncOperations.TrackingUpdate);
        failed.ErrorSource.ShouldBe(ErrorSources.Walmart);
        (await Host.State(order.CorrelationId)).Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.Synced);

        await Host.Deliver(order.Track("s1", "1Z2"));

        var retry = await Host.AnswerNext(WalmartOperationKind.UpdateTracking);
        retry.Shipment!.Lines.ShouldBe(["1"]);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.ShippedQuantity, l.TrackingNumber)).ShouldBe([(1, "1Z2"), (0, null)]);
        ShipmentSynced(order).Last().OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);
    }

    [Fact]
    public async Task A_shipment_that_failed_after_walmart_applied_it_is_retried_under_its_own_operation_and_never_ships_twice()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();
        await Host.Deliver(Host.Walmart.ApplyThenFail(ship));
        SyncFailed(order).ShouldHaveSingleItem().ErrorSource.ShouldBe(ErrorSources.Integration);

        await Host.Deliver(order.Track("s1", "1Z2"));

        var retry = await Host.AnswerNext(WalmartOperationKind.Ship);
        retry.OperationId.ShouldBe(ship.OperationId);
        retry.Shipment!.Track.TrackNumber.ShouldBe("1Z2");
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Sum(l => l.ShippedQuantity).ShouldBe(1);
        ShipmentSynced(order).ShouldHaveSingleItem().OrderStatus.ShouldBe(OrderStatuses.PartiallyShipped);
    }

    [Fact]
    public async Task Two_shipments_of_one_sku_take_different_lines_and_one_too_many_is_refused()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1));

        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.Deliver(order.Shipment("s2", "1Z2", ("MUG", 1)));
        await Host.Deliver(order.Shipment("s3", "1Z3", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.AnswerNext(WalmartOperationKind.Ship);

        ShipmentSynced(order).Select(r => (r.ShipmentId, r.Lines.Single().LineNumber)).ShouldBe([("s1", "1"), ("s2", "2")]);
        SyncFailed(order).ShouldHaveSingleItem().StatusDetails.ShouldContain("only 0");
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldAllBe(l => l.ShippedQuantity == 1);
    }

    // ---- Cancellation ----

    [Fact]
    public async Task A_cancellation_cancels_every_open_line_with_the_mapped_reason()
    {
        var order = SagaOrder.New();
        Seed(order, ("LAMP", 1), ("MUG", 2));
        var cancellation = order.Cancellation("carrier_or_shipping_unavailable");

        await Host.Deliver(cancellation);

        var cancel = await Host.AnswerNext(WalmartOperationKind.Cancel);
        cancel.Cancellation!.WalmartReason.ShouldBe("SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE");
        cancel.CausationId.ShouldBe(cancellation.Context.EventId);
        var synced = CancellationSynced(order).ShouldHaveSingleItem();
        synced.OrderStatus.ShouldBe(OrderStatuses.Canceled);
        synced.CausationId.ShouldBe(cancellation.Context.EventId);
        synced.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity, l.Reason))
            .ShouldBe([("1", "LAMP", 1, "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE"), ("2", "MUG", 2, "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE")]);
        (await Host.State(order.CorrelationId)).Cancellation!.Status.ShouldBe(CancellationStatus.Synced);
    }

    [Fact]
    public async Task A_cancellation_after_a_partial_shipment_cancels_only_what_is_left_and_the_shipped_line_stays_shipped()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        await Host.Deliver(order.Cancellation("out_of_stock"));
        await Host.AnswerNext(WalmartOperationKind.Cancel);

        CancellationSynced(order).ShouldHaveSingleItem().Lines.Select(l => l.LineNumber).ShouldBe(["2", "3"]);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.ShippedQuantity, l.CancelledQuantity)).ShouldBe([(1, 0), (0, 1), (0, 1)]);
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Canceled);
    }

    [Fact]
    public async Task A_cancellation_that_arrives_while_a_shipment_is_in_flight_waits_for_it()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();

        await Host.Deliver(order.Cancellation("out_of_stock"));
        Host.ShouldHaveNoNewCommand();
        await Host.Answer(ship);
        await Host.AnswerNext(WalmartOperationKind.Cancel);

        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.ShippedQuantity, l.CancelledQuantity)).ShouldBe([(1, 0), (0, 1)]);
        Host.Results.Select(r => (r.Type, r.Data.OrderStatus)).ShouldBe(
            [(SyncResultTypes.ShipmentSynced, OrderStatuses.PartiallyShipped), (SyncResultTypes.CancellationSynced, OrderStatuses.Canceled)]);
    }

    [Fact]
    public async Task A_shipment_that_arrives_while_a_cancellation_waits_its_turn_is_shipped_before_it()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1), ("CAP", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();
        await Host.Deliver(order.Cancellation("out_of_stock"));

        // Commerce cannot ship a cancelled order: this shipment was made before the cancellation, and overtaken by it on the way.
        await Host.Deliver(order.Shipment("s2", "1Z2", ("TEE", 1)));
        await Host.Answer(ship);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.AnswerNext(WalmartOperationKind.Cancel);

        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.ShippedQuantity, l.CancelledQuantity)).ShouldBe([(1, 0), (1, 0), (0, 1)]);
        SyncFailed(order).ShouldBeEmpty();
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Canceled);
    }

    [Fact]
    public async Task A_cancellation_that_says_what_commerce_shipped_does_not_wait_for_a_missing_track_and_leaves_those_units_open()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", trackNumber: null, ("MUG", 1)));

        await Host.Deliver(order.Cancellation("out_of_stock", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Cancel);
        CancellationSynced(order).ShouldHaveSingleItem().Lines.ShouldHaveSingleItem().Sku.ShouldBe("TEE");
        await Host.Deliver(order.Track("s1", "1Z1"));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.Sku, l.ShippedQuantity, l.CancelledQuantity)).ShouldBe([("MUG", 1, 0), ("TEE", 0, 1)]);
        Host.ShouldHaveNoNewCommand();
    }

    [Fact]
    public async Task A_cancellation_waits_for_a_shipment_that_waits_for_its_track_so_that_shipment_is_shipped_not_cancelled()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", trackNumber: null, ("MUG", 1)));

        await Host.Deliver(order.Cancellation("out_of_stock"));
        Host.ShouldHaveNoNewCommand();
        await Host.Deliver(order.Track("s1", "1Z1"));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.AnswerNext(WalmartOperationKind.Cancel);

        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.Sku, l.ShippedQuantity, l.CancelledQuantity)).ShouldBe([("MUG", 1, 0), ("TEE", 0, 1)]);
        CancellationSynced(order).ShouldHaveSingleItem().Lines.ShouldHaveSingleItem().Sku.ShouldBe("TEE");
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Canceled);
    }

    [Fact]
    public async Task A_cancellation_of_a_fully_shipped_order_is_refused_with_a_clear_reason_and_no_walmart_call()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        var cancellation = order.Cancellation("out_of_stock");

        await Host.Deliver(cancellation);

        Host.ShouldHaveNoNewCommand();
        var failed = SyncFailed(order).ShouldHaveSingleItem();
        failed.Operation.ShouldBe(SyncOperations.Cancellation);
        failed.ErrorSource.ShouldBe(ErrorSources.Commerce);
        failed.CausationId.ShouldBe(cancellation.Context.EventId);
        failed.StatusDetails.ShouldContain("already fully shipped");
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldHaveSingleItem().ShippedQuantity.ShouldBe(1);
    }

    [Fact]
    public async Task A_cancellation_of_an_order_walmart_shows_closed_is_refused_by_the_operation()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        Host.Walmart.MarkShipped(order.PurchaseOrderId, "1", "1Z0");

        // The saga knows nothing of the lines yet: the operation reads them from Walmart and refuses.
        await Host.Deliver(order.Cancellation("out_of_stock"));
        await Host.AnswerNext(WalmartOperationKind.Cancel);

        var failed = SyncFailed(order).ShouldHaveSingleItem();
        failed.Operation.ShouldBe(SyncOperations.Cancellation);
        failed.ErrorSource.ShouldBe(ErrorSources.Commerce);
        failed.StatusDetails.ShouldContain("nothing is left to cancel");
    }

    [Theory]
    [InlineData(null, "without a cancellation reason")]
    [InlineData("changed_my_mind", "'changed_my_mind' is not one Walmart accepts")]
    public async Task A_cancellation_with_a_missing_or_unknown_reason_is_a_permanent_error_from_commerce(string? reason, string expected)
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        var cancellation = order.Cancellation(reason);

        await Host.Deliver(cancellation);

        Host.ShouldHaveNoNewCommand();
        var failed = SyncFailed(order).ShouldHaveSingleItem();
        failed.Operation.ShouldBe(SyncOperations.Cancellation);
        failed.ErrorSource.ShouldBe(ErrorSources.Commerce);
        failed.OrderStatus.ShouldBe(OrderStatuses.Error);
        failed.Attempts.ShouldBe(0);
        failed.CausationId.ShouldBe(cancellation.Context.EventId);
        failed.StatusDetails.ShouldContain(expected);
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Error);
    }

    [Fact]
    public async Task A_cancellation_with_a_good_reason_after_one_without_is_sent()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Cancellation(reason: null));

        await Host.Deliver(order.Cancellation("fraud_review_required"));

        var cancel = await Host.AnswerNext(WalmartOperationKind.Cancel);
        cancel.Cancellation!.WalmartReason.ShouldBe("SELLER_CANCEL_FRAUD_STOP_SHIPMENT");
        CancellationSynced(order).ShouldHaveSingleItem().OrderStatus.ShouldBe(OrderStatuses.Canceled);
    }

    [Fact]
    public async Task A_second_cancellation_of_a_cancelled_order_changes_nothing()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Cancellation("out_of_stock"));
        await Host.AnswerNext(WalmartOperationKind.Cancel);

        await Host.Deliver(order.Cancellation("customer_requested"));

        Host.ShouldHaveNoNewCommand();
        Host.Results.ShouldHaveSingleItem().Type.ShouldBe(SyncResultTypes.CancellationSynced);
        var state = await Host.State(order.CorrelationId);
        state.OrderStatus.ShouldBe(OrderStatuses.Canceled);
        state.Cancellation!.WalmartReason.ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
    }

    [Fact]
    public async Task A_second_cancellation_while_the_first_is_in_flight_is_not_sent_again()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Cancellation("out_of_stock"));
        var cancel = await Host.NextCommand();

        await Host.Deliver(order.Cancellation("out_of_stock"));
        await Host.Answer(cancel);

        Host.ShouldHaveNoNewCommand();
        Host.Results.ShouldHaveSingleItem().Data.OrderStatus.ShouldBe(OrderStatuses.Canceled);
    }

    [Fact]
    public async Task A_cancellation_that_failed_is_sent_again_under_its_own_operation_by_a_new_cancellation()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Cancellation("out_of_stock"));
        var cancel = await Host.NextCommand();
        await Host.Deliver(Host.Walmart.ApplyThenFail(cancel));
        SyncFailed(order).ShouldHaveSingleItem().Operation.ShouldBe(SyncOperations.Cancellation);

        await Host.Deliver(order.Cancellation("out_of_stock"));

        var retry = await Host.AnswerNext(WalmartOperationKind.Cancel);
        retry.OperationId.ShouldBe(cancel.OperationId);
        CancellationSynced(order).ShouldHaveSingleItem().OrderStatus.ShouldBe(OrderStatuses.Canceled);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldAllBe(l => l.CancelledQuantity == 1);
    }

    [Fact]
    public async Task A_cancellation_that_overtakes_a_shipment_made_before_it_leaves_that_shipments_units_for_it()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));

        await Host.Deliver(order.Cancellation("out_of_stock", ("MUG", 1)));
        var cancel = await Host.AnswerNext(WalmartOperationKind.Cancel);
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        cancel.Cancellation!.ShippedInCommerce.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(new ShippedQuantity("MUG", 1));
        CancellationSynced(order).ShouldHaveSingleItem().Lines.Select(l => l.Sku).ShouldBe(["TEE"]);
        // The order stays Canceled, as after a cancellation that follows a partial shipment.
        ShipmentSynced(order).ShouldHaveSingleItem().OrderStatus.ShouldBe(OrderStatuses.Canceled);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Select(l => (l.Sku, l.ShippedQuantity, l.CancelledQuantity)).ShouldBe([("MUG", 1, 0), ("TEE", 0, 1)]);
        SyncFailed(order).ShouldBeEmpty();
    }

    // ---- Idempotency ----

    [Fact]
    public async Task An_event_delivered_again_changes_nothing_and_sends_no_operation()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1));
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 1));
        await Host.Deliver(shipment);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        var before = await Host.State(order.CorrelationId);
        var (operations, applied) = (before.Operations.Count, before.AppliedEventIds.Count);

        for (var copy = 0; copy < 4; copy++)
        {
            await Host.Deliver(shipment);
        }

        Host.ShouldHaveNoNewCommand();
        Host.Results.ShouldHaveSingleItem();
        var after = await Host.State(order.CorrelationId);
        after.Operations.Count.ShouldBe(operations);
        after.AppliedEventIds.Count.ShouldBe(applied);
        after.Shipments.ShouldHaveSingleItem().Status.ShouldBe(ShipmentStatus.Synced);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Sum(l => l.ShippedQuantity).ShouldBe(1);
    }

    [Fact]
    public async Task An_event_under_a_held_id_with_other_contents_is_refused_and_the_held_one_is_applied_in_its_turn()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var first = order.Shipment("s1", "1Z1", ("MUG", 1)).Arrived(1, DateTimeOffset.UtcNow);
        var held = order.Shipment("s2", "1Z2", ("TEE", 1)).Arrived(2, DateTimeOffset.UtcNow);
        await Host.Deliver(held);
        var impostor = order.Shipment("s3", "1Z3", ("MUG", 1)) with { Context = held.Context with { ContentDigest = "other contents" } };

        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => Host.Deliver(impostor));

        refusal.GetBaseException().ShouldBeOfType<ConflictingEventException>().Message.ShouldContain($"Event {held.Context.EventId} ({held.Context.EventType}) was already held for order {order.PurchaseOrderId} with other contents");
        await Host.Deliver(first);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        ShipmentSynced(order).Select(r => r.ShipmentId).ShouldBe(["s1", "s2"]);
    }

    [Fact]
    public async Task An_event_under_an_applied_id_with_other_contents_is_refused_and_changes_nothing()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 1));
        await Host.Deliver(shipment);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        var impostor = order.Shipment("s2", "1Z2", ("TEE", 1)) with { Context = shipment.Context with { ContentDigest = "other contents" } };

        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => Host.Deliver(impostor));

        refusal.GetBaseException().ShouldBeOfType<ConflictingEventException>().Message.ShouldContain($"Event {shipment.Context.EventId} ({shipment.Context.EventType}) was already applied to order {order.PurchaseOrderId} with other contents");
        Host.ShouldHaveNoNewCommand();
        (await Host.State(order.CorrelationId)).Shipments.ShouldHaveSingleItem().ShipmentId.ShouldBe("s1");
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Sum(l => l.ShippedQuantity).ShouldBe(1);
    }

    [Fact]
    public async Task An_event_delivered_again_while_its_operation_is_in_flight_sends_nothing_and_ships_once()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1));
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 1));
        await Host.Deliver(shipment);
        var first = await Host.NextCommand();

        // The operation left from the outbox with the first delivery's commit: the copy has nothing to add.
        await Host.Deliver(shipment);

        Host.ShouldHaveNoNewCommand();
        await Host.Answer(first);

        ShipmentSynced(order).ShouldHaveSingleItem();
        Host.Walmart.Order(order.PurchaseOrderId).Lines.Sum(l => l.ShippedQuantity).ShouldBe(1);
        Host.ShouldHaveNoNewCommand();
    }

    [Fact]
    public async Task An_outcome_delivered_again_publishes_nothing_more()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();
        var outcome = await Host.Answer(ship);

        await Host.Deliver(outcome);
        await Host.Deliver(WalmartDouble.Failure(ship, ErrorSources.Integration, "a late failure of an operation that succeeded"));

        Host.Results.ShouldHaveSingleItem().Type.ShouldBe(SyncResultTypes.ShipmentSynced);
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Shipped);
    }

    [Fact]
    public async Task A_copy_of_a_cancellation_refused_for_its_reason_publishes_nothing_more()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        var cancellation = order.Cancellation(null);

        await Host.Deliver(cancellation);
        await Host.Deliver(cancellation);

        Host.ShouldHaveNoNewCommand();
        var error = Host.Results.ShouldHaveSingleItem();
        error.Type.ShouldBe(SyncResultTypes.SyncFailed);
        error.Data.ShouldBeOfType<SyncFailedData>().StatusDetails.ShouldContain("without a cancellation reason");
    }

    [Fact]
    public async Task A_failure_delivered_again_after_its_ship_ran_again_with_a_track_saved_meanwhile_is_a_copy_and_stops_nothing()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();
        await Host.Deliver(order.Track("s1", "1Z2"));
        var failure = WalmartDouble.Failure(ship, ErrorSources.Walmart, "Walmart refused tracking number 1Z1.");

        await Host.Deliver(failure);
        var rerun = await Host.NextCommand();
        await Host.Deliver(failure);

        rerun.OperationId.ShouldBe(ship.OperationId);
        rerun.Shipment!.Track.TrackNumber.ShouldBe("1Z2");
        (await Host.State(order.CorrelationId)).InFlight.ShouldNotBeNull().OperationId.ShouldBe(ship.OperationId);
        Host.Results.DistinctBy(r => r.Id).ShouldHaveSingleItem().Type.ShouldBe(SyncResultTypes.SyncFailed);
        Host.ShouldHaveNoNewCommand();
        await Host.Answer(rerun);
        ShipmentSynced(order).ShouldHaveSingleItem().Lines.Single().TrackingNumber.ShouldBe("1Z2");
    }

    [Fact]
    public async Task A_failure_delivered_again_publishes_nothing_more()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        var ship = await Host.NextCommand();
        var failure = WalmartDouble.Failure(ship, ErrorSources.Walmart, "Walmart refused the shipment: carrier 'UPS' is not supported.");

        await Host.Deliver(failure);
        await Host.Deliver(failure);

        var error = Host.Results.ShouldHaveSingleItem();
        error.Type.ShouldBe(SyncResultTypes.SyncFailed);
        error.Data.ShouldBeOfType<SyncFailedData>().StatusDetails.ShouldContain("carrier 'UPS'");
    }

    [Fact]
    public async Task An_outcome_delivered_again_while_the_next_operation_is_in_flight_sends_nothing_more()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.Deliver(order.Shipment("s2", "1Z2", ("TEE", 1)));
        var outcome = await Host.Answer(await Host.NextCommand());
        var second = await Host.NextCommand();

        await Host.Deliver(outcome);

        Host.ShouldHaveNoNewCommand();
        await Host.Answer(second);
        Host.ShouldHaveNoNewCommand();
        ShipmentSynced(order).Count.ShouldBe(2);
        Host.Walmart.Order(order.PurchaseOrderId).Lines.ShouldAllBe(l => l.ShippedQuantity == 1);
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Shipped);
    }

    // ---- Order ----

    // ---- Arrival order ----

    [Fact]
    public async Task An_event_that_reaches_the_saga_before_an_earlier_one_of_its_order_is_held_until_that_one_is_applied()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("MUG", 1), ("MUG", 1));
        var first = order.Shipment("s1", "1Z1", ("MUG", 1)).Arrived(1, DateTimeOffset.UtcNow);
        var second = order.Shipment("s2", "1Z2", ("MUG", 1)).Arrived(2, DateTimeOffset.UtcNow);
        var third = order.Shipment("s3", "1Z3", ("MUG", 1)).Arrived(3, DateTimeOffset.UtcNow);

        await Host.Deliver(third);
        await Host.Deliver(second);

        Host.ShouldHaveNoNewCommand();
        var holding = await Host.State(order.CorrelationId);
        holding.HeldEvents.Select(h => h.Sequence).ShouldBe([2, 3]);
        holding.Shipments.ShouldBeEmpty();
        holding.PurchaseOrderId.ShouldBe(order.PurchaseOrderId);
        Host.Timer.Requests.Count.ShouldBe(2);
        Host.Timer.Requests.ShouldAllBe(r => r.CorrelationId == order.CorrelationId && r.Delay > TimeSpan.FromSeconds(25) && r.Delay <= TimeSpan.FromSeconds(30));

        await Host.Deliver(first);
        for (var shipment = 0; shipment < 3; shipment++)
        {
            await Host.AnswerNext(WalmartOperationKind.Ship);
        }

        // Lines go to shipments in the order their events are applied: s1 takes the first line.
        ShipmentSynced(order).Select(r => (r.ShipmentId, r.Lines.Single().LineNumber, r.Lines.Single().TrackingNumber))
            .ShouldBe([("s1", "1", "1Z1"), ("s2", "2", "1Z2"), ("s3", "3", "1Z3")]);
        var state = await Host.State(order.CorrelationId);
        state.LastArrivalSequence.ShouldBe(3);
        state.HeldEvents.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_held_event_is_applied_without_the_earlier_one_when_its_timer_finds_it_has_waited_its_time()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var arrivedAt = DateTimeOffset.UtcNow.AddSeconds(-29);
        var lost = order.Shipment("s1", "1Z1", ("MUG", 1)).Arrived(1, arrivedAt.AddMilliseconds(-1));
        var held = order.Shipment("s2", "1Z2", ("TEE", 1)).Arrived(2, arrivedAt);
        await Host.Deliver(held);
        Host.Timer.Requests.ShouldHaveSingleItem().Delay.ShouldBeLessThan(TimeSpan.FromSeconds(1.5));

        // A timer that fires early (another instance's clock) finds nothing due yet and is set again.
        await Host.Deliver(new HeldEventsDue { CorrelationId = order.CorrelationId });
        Host.ShouldHaveNoNewCommand();
        Host.Timer.Requests.Count.ShouldBe(2);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await Host.Deliver(new HeldEventsDue { CorrelationId = order.CorrelationId });
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(lost);
        await Host.AnswerNext(WalmartOperationKind.Ship);

        ShipmentSynced(order).Select(r => (r.ShipmentId, r.OrderStatus)).ShouldBe([("s2", OrderStatuses.PartiallyShipped), ("s1", OrderStatuses.Shipped)]);
        (await Host.State(order.CorrelationId)).HeldEvents.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_copy_of_a_held_event_sets_its_timer_again_in_case_the_first_was_lost_and_is_held_once()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var held = order.Shipment("s2", "1Z2", ("TEE", 1)).Arrived(2, DateTimeOffset.UtcNow);

        await Host.Deliver(held);
        await Host.Deliver(held);

        Host.Timer.Requests.Count.ShouldBe(2);
        Host.Timer.Requests.ShouldAllBe(r => r.CorrelationId == order.CorrelationId && r.Delay > TimeSpan.FromSeconds(25));
        (await Host.State(order.CorrelationId)).HeldEvents.ShouldHaveSingleItem().EventId.ShouldBe(held.Context.EventId);
        Host.ShouldHaveNoNewCommand();
    }

    [Fact]
    public async Task A_timer_for_an_order_with_nothing_held_changes_nothing()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        await Host.Deliver(new HeldEventsDue { CorrelationId = order.CorrelationId });
        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)).Arrived(1, DateTimeOffset.UtcNow));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        await Host.Deliver(new HeldEventsDue { CorrelationId = order.CorrelationId });

        Host.ShouldHaveNoNewCommand();
        ShipmentSynced(order).ShouldHaveSingleItem();
        Host.Timer.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_that_waited_its_time_for_an_earlier_one_is_applied_without_it_and_the_earlier_one_still_counts_when_it_comes()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var lost = order.Shipment("s1", "1Z1", ("MUG", 1)).Arrived(1, DateTimeOffset.UtcNow.AddMinutes(-2));
        var waited = order.Shipment("s2", "1Z2", ("TEE", 1)).Arrived(2, DateTimeOffset.UtcNow.AddMinutes(-1));

        await Host.Deliver(waited);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(lost);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(waited);

        ShipmentSynced(order).Select(r => (r.ShipmentId, r.OrderStatus)).ShouldBe([("s2", OrderStatuses.PartiallyShipped), ("s1", OrderStatuses.Shipped)]);
        Host.ShouldHaveNoNewCommand();
        (await Host.State(order.CorrelationId)).LastArrivalSequence.ShouldBe(2);
    }

    [Fact]
    public async Task A_copy_of_an_applied_event_does_not_wait_for_the_events_after_it()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1));
        var first = order.Shipment("s1", "1Z1", ("MUG", 1)).Arrived(1, DateTimeOffset.UtcNow);
        await Host.Deliver(first);
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(order.Shipment("s2", "1Z2", ("TEE", 1)).Arrived(2, DateTimeOffset.UtcNow));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        await Host.Deliver(first);

        Host.ShouldHaveNoNewCommand();
        ShipmentSynced(order).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Operations_of_one_order_run_one_at_a_time_in_arrival_order()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1), ("CAP", 1));

        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.Deliver(order.Shipment("s2", "1Z2", ("TEE", 1)));
        await Host.Deliver(order.Shipment("s3", "1Z3", ("CAP", 1)));
        var first = await Host.NextCommand();
        Host.ShouldHaveNoNewCommand();
        (await Host.State(order.CorrelationId)).CurrentState.ShouldBe("Syncing");

        await Host.Answer(first);
        var second = await Host.NextCommand();
        Host.ShouldHaveNoNewCommand();
        await Host.Answer(second);
        var third = await Host.AnswerNext(WalmartOperationKind.Ship);

        new[] { first, second, third }.Select(c => c.Shipment!.ShipmentId).ShouldBe(["s1", "s2", "s3"]);
        (await Host.State(order.CorrelationId)).CurrentState.ShouldBe("Idle");
        ShipmentSynced(order).Last().OrderStatus.ShouldBe(OrderStatuses.Shipped);
    }

    [Fact]
    public async Task An_order_does_not_wait_for_the_operation_of_another()
    {
        var first = SagaOrder.New();
        var second = SagaOrder.New();
        Seed(first, ("MUG", 1));
        Seed(second, ("MUG", 1));

        await Host.Deliver(first.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.Deliver(second.Shipment("s1", "1Z1", ("MUG", 1)));

        (await Host.NextCommand()).PurchaseOrderId.ShouldBe(first.PurchaseOrderId);
        (await Host.NextCommand()).PurchaseOrderId.ShouldBe(second.PurchaseOrderId);
    }

    // ---- Results ----

    [Fact]
    public async Task With_several_shipments_the_status_reflects_the_latest_outcome()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1), ("TEE", 1), ("CAP", 1));

        await Host.Deliver(order.Shipment("s1", "1Z1", ("MUG", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        await Host.Deliver(order.Shipment("s2", "1Z2", ("LAMP", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);
        (await Host.State(order.CorrelationId)).OrderStatus.ShouldBe(OrderStatuses.Error);
        await Host.Deliver(order.Shipment("s3", "1Z3", ("TEE", 1), ("CAP", 1)));
        await Host.AnswerNext(WalmartOperationKind.Ship);

        Host.Results.Select(r => (r.Type, r.Data.OrderStatus)).ShouldBe(
        [
            (SyncResultTypes.ShipmentSynced, OrderStatuses.PartiallyShipped),
            (SyncResultTypes.SyncFailed, OrderStatuses.Error),
            (SyncResultTypes.ShipmentSynced, OrderStatuses.Shipped),
        ]);
        var state = await Host.State(order.CorrelationId);
        state.OrderStatus.ShouldBe(OrderStatuses.Shipped);
        state.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_failure_reports_its_source_walmart_errors_attempts_and_the_event_it_answers()
    {
        var order = SagaOrder.New();
        Seed(order, ("MUG", 1));
        var shipment = order.Shipment("s1", "1Z1", ("MUG", 1));
        await Host.Deliver(shipment);
        var ship = await Host.NextCommand();

        await Host.Deliver(WalmartDouble.Failure(ship, ErrorSources.Walmart, "Walmart refused the shipment: carrier 'UPS' is not supported.", attempts: 3));

        var result = Host.Results.ShouldHaveSingleItem();
        result.Type.ShouldBe(SyncResultTypes.SyncFailed);
        result.Subject.ShouldBe(order.PurchaseOrderId);
        var failed = result.Data.ShouldBeOfType<SyncFailedData>();
        failed.PurchaseOrderId.ShouldBe(order.PurchaseOrderId);
        failed.OrderIncrementId.ShouldBe(order.OrderIncrementId);
        failed.StoreCode.ShouldBe(order.StoreCode);
        failed.CausationId.ShouldBe(shipment.Context.EventId);
        failed.Operation.ShouldBe(SyncOperations.Shipment);
        failed.ErrorSource.ShouldBe(ErrorSources.Walmart);
        failed.Attempts.ShouldBe(3);
        failed.WalmartErrors.ShouldHaveSingleItem().Field.ShouldBe("trackingNumber");
        failed.StatusDetails.ShouldBe("Walmart refused the shipment: carrier 'UPS' is not supported.");
        (await Host.State(order.CorrelationId)).LastError.ShouldBe(failed.StatusDetails);
    }

    private void Seed(SagaOrder order, params (string Sku, int Quantity)[] lines) => Host.Walmart.Seed(order.PurchaseOrderId, lines);

    private List<ShipmentSyncedData> ShipmentSynced(SagaOrder order) => Data<ShipmentSyncedData>(order, SyncResultTypes.ShipmentSynced);

    private List<CancellationSyncedData> CancellationSynced(SagaOrder order) => Data<CancellationSyncedData>(order, SyncResultTypes.CancellationSynced);

    private List<SyncFailedData> SyncFailed(SagaOrder order) => Data<SyncFailedData>(order, SyncResultTypes.SyncFailed);

    private List<T> Data<T>(SagaOrder order, string type)
        where T : SyncResultData =>
        [.. Host.Results.Where(r => r.Subject == order.PurchaseOrderId && r.Type == type).DistinctBy(r => r.Id).Select(r => r.Data.ShouldBeOfType<T>())];
}
