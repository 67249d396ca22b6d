using MassTransit;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga.Activities;

public sealed class ApplyTrackActivity : OrderEventActivity<TrackReceived>
{
    protected override Task Apply(BehaviorContext<OrderSyncState, TrackReceived> context)
    {
        context.Saga.RecordTrack(context.Message);
        return Task.CompletedTask;
    }
}
