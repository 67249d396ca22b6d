using MassTransit;
using OrderSync.Contracts.Commands;
using OrderSync.Worker.Messaging;

namespace OrderSync.Worker.Saga.Activities;

internal static class InFlightOperationSending
{
    /// <summary>
    /// A message already applied came again: the command of the operation in flight may never have left (the outbox is in
    /// memory and the worker may have stopped after saving the saga), so it is sent again; the operation consumer ignores a copy.
    /// </summary>
    public static async Task ResendInFlightOperation<TEvent>(this BehaviorContext<OrderSyncState, TEvent> context)
        where TEvent : class
    {
        if (context.Saga.InFlight() is { } operation)
        {
            // Built anew, the copy carries the shipment's newest track: that is the track the operation may fail with.
            if (operation.Kind == WalmartOperationKind.Ship)
            {
                operation.DispatchedTrack = context.Saga.Shipment(operation).Track;
            }

            var command = context.Saga.BuildCommand(operation);
            await context.Send(context.GetServiceOrCreateInstance<WalmartOperationLanes>().AddressFor(command.StoreCode), command);
        }
    }
}
