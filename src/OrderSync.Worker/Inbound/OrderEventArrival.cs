using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Inbound;

public static class OrderEventArrival
{
    /// <summary>The event with its place among its order's events, as the intake read them.</summary>
    public static IOrderEvent Arrived(this IOrderEvent orderEvent, int sequence, DateTimeOffset arrivedAt)
    {
        var context = orderEvent.Context with { ArrivalSequence = sequence, ArrivedAt = arrivedAt };
        return orderEvent switch
        {
            ShipmentReceived shipment => shipment with { Context = context },
            TrackReceived track => track with { Context = context },
            CancellationRequested cancellation => cancellation with { Context = context },
            _ => throw new ArgumentException($"{orderEvent.GetType().Name} is not numbered on arrival.", nameof(orderEvent)),
        };
    }
}
