using MassTransit;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga.Activities;

public sealed class ApplyShipmentActivity : OrderEventActivity<ShipmentReceived>
{
    protected override Task Apply(BehaviorContext<OrderSyncState, ShipmentReceived> context)
    {
        context.Saga.RecordShipment(context.Message);
        return Task.CompletedTask;
    }
}
