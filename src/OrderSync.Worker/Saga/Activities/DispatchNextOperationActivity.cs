using MassTransit;
using Microsoft.Extensions.Logging;

using OrderSync.Worker.Messaging;

namespace OrderSync.Worker.Saga.Activities;

/// <summary>Sends the next queued Walmart operation of the order, unless one is already in flight.</summary>
public sealed class DispatchNextOperationActivity<TEvent>(WalmartOperationLanes lanes, ILogger<DispatchNextOperationActivity<TEvent>> logger) :
    IStateMachineActivity<OrderSyncState, TEvent>
    where TEvent : class
{
    public async Task Execute(BehaviorContext<OrderSyncState, TEvent> context, IBehavior<OrderSyncState, TEvent> next)
    {
        var operation = context.Saga.StartNextOperation();
        if (operation is not null)
        {
            var command = context.Saga.BuildCommand(operation);
            logger.LogInformation("Order {PurchaseOrderId}: sending {Kind} operation {OperationId}", command.PurchaseOrderId, command.Kind, command.OperationId);
            await context.Send(lanes.AddressFor(command.StoreCode), command);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderSyncState, TEvent, TException> context, IBehavior<OrderSyncState, TEvent> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("dispatch-next-operation");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
