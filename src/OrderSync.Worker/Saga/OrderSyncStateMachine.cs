using MassTransit;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Saga.Activities;

namespace OrderSync.Worker.Saga;

/// <summary>
/// One instance per Walmart purchase order. Behaviours only change state and send messages (held by the outbox until the
/// row is saved); the Walmart calls happen in the operation consumer, one operation of an order at a time.
/// </summary>
public sealed class OrderSyncStateMachine : MassTransitStateMachine<OrderSyncState>
{
    public OrderSyncStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => ShipmentReceived, e => e.CorrelateById(m => m.Message.CorrelationId));
        Event(() => TrackReceived, e => e.CorrelateById(m => m.Message.CorrelationId));
        Event(() => CancellationRequested, e => e.CorrelateById(m => m.Message.CorrelationId));
        Event(() => EventRejected, e => e.CorrelateById(m => m.Message.CorrelationId));
        Event(() => ResyncRequested, e =>
        {
            e.CorrelateById(m => m.Message.CorrelationId);
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => HeldEventsDue, e =>
        {
            e.CorrelateById(m => m.Message.CorrelationId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => OperationCompleted, e =>
        {
            e.CorrelateById(m => m.Message.CorrelationId);
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => OperationFailed, e =>
        {
            e.CorrelateById(m => m.Message.CorrelationId);
            e.OnMissingInstance(m => m.Fault());
        });

        Initially(
            When(ShipmentReceived).Apply<ShipmentReceived, ApplyShipmentActivity>(this),
            When(TrackReceived).Apply<TrackReceived, ApplyTrackActivity>(this),
            When(CancellationRequested).Apply<CancellationRequested, ApplyCancellationActivity>(this),
            When(EventRejected).Apply<CommerceEventRejected, ApplyRejectionActivity>(this));

        During(Idle, Syncing,
            When(EventRejected).Apply<CommerceEventRejected, ApplyRejectionActivity>(this),
            When(ResyncRequested)
                .Activity(x => x.OfType<ApplyResyncActivity>())
                .Activity(x => x.OfType<DispatchNextOperationActivity<ResyncRequested>>())
                .Settle(this),
            When(ShipmentReceived).Apply<ShipmentReceived, ApplyShipmentActivity>(this),
            When(TrackReceived).Apply<TrackReceived, ApplyTrackActivity>(this),
            When(CancellationRequested).Apply<CancellationRequested, ApplyCancellationActivity>(this),
            When(HeldEventsDue).Activity(x => x.OfType<ReleaseHeldEventActivity<HeldEventsDue>>()),
            When(OperationCompleted)
                .Activity(x => x.OfType<ApplyOperationCompletedActivity>())
                .Activity(x => x.OfType<DispatchNextOperationActivity<WalmartOperationCompleted>>())
                .Settle(this),
            When(OperationFailed)
                .Activity(x => x.OfType<ApplyOperationFailedActivity>())
                .Activity(x => x.OfType<DispatchNextOperationActivity<WalmartOperationFailed>>())
                .Settle(this));
    }

    /// <summary>No Walmart operation of the order is in flight.</summary>
    public State Idle { get; private set; } = null!;

    /// <summary>One Walmart operation of the order is in flight; others wait their turn.</summary>
    public State Syncing { get; private set; } = null!;

    public Event<ShipmentReceived> ShipmentReceived { get; private set; } = null!;

    public Event<TrackReceived> TrackReceived { get; private set; } = null!;

    public Event<CancellationRequested> CancellationRequested { get; private set; } = null!;

    public Event<CommerceEventRejected> EventRejected { get; private set; } = null!;

    public Event<ResyncRequested> ResyncRequested { get; private set; } = null!;

    public Event<HeldEventsDue> HeldEventsDue { get; private set; } = null!;

    public Event<WalmartOperationCompleted> OperationCompleted { get; private set; } = null!;

    public Event<WalmartOperationFailed> OperationFailed { get; private set; } = null!;
}
