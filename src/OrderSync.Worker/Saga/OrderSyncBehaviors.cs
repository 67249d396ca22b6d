using MassTransit;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Saga.Activities;

namespace OrderSync.Worker.Saga;

internal static class OrderSyncBehaviors
{
    /// <summary>
    /// An event that came before an earlier event of its order is held. Otherwise a new Commerce event is recorded and may start
    /// an operation; one already applied changes nothing, but sends the operation in flight again, in case the worker stopped
    /// after saving the saga and before its command left. Then the held event whose turn has come goes out again.
    /// </summary>
    public static EventActivityBinder<OrderSyncState, TEvent> Apply<TEvent, TActivity>(
        this EventActivityBinder<OrderSyncState, TEvent> binder, OrderSyncStateMachine machine)
        where TEvent : class, IOrderEvent
        where TActivity : class, IStateMachineActivity<OrderSyncState, TEvent> =>
        binder
            .Activity(x => x.OfType<ArrivalOrderActivity<TEvent>>())
            .If(
                context => !context.Saga.Holds(context.Message.Context.EventId),
                admitted => admitted
                    .IfElse(
                        context => context.Saga.IsApplied(context.Message.Context.EventId),
                        duplicate => duplicate.Activity(x => x.OfType<ResendOperationInFlightActivity<TEvent>>()),
                        fresh => fresh
                            .Activity(x => x.OfType<TActivity>())
                            .Activity(x => x.OfType<DispatchNextOperationActivity<TEvent>>()))
                    .Activity(x => x.OfType<ReleaseHeldEventActivity<TEvent>>()))
            .Settle(machine);

    public static EventActivityBinder<OrderSyncState, TEvent> Settle<TEvent>(
        this EventActivityBinder<OrderSyncState, TEvent> binder, OrderSyncStateMachine machine)
        where TEvent : class =>
        binder.IfElse(
            context => context.Saga.InFlight() is not null,
            busy => busy.TransitionTo(machine.Syncing),
            idle => idle.TransitionTo(machine.Idle));
}
