using MassTransit;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>Records a new Commerce event on the order: who it is, that the event is applied, then what it asks for.</summary>
public abstract class OrderEventActivity<TEvent> : IStateMachineActivity<OrderSyncState, TEvent>
    where TEvent : class, IOrderEvent
{
    public async Task Execute(BehaviorContext<OrderSyncState, TEvent> context, IBehavior<OrderSyncState, TEvent> next)
    {
        context.Saga.Adopt(context.Message.Context);
        await Apply(context);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, TEvent, TException> context, IBehavior<OrderSyncState, TEvent> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope(GetType().Name);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    protected abstract Task Apply(BehaviorContext<OrderSyncState, TEvent> context);
}
