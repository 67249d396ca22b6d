using MassTransit;

namespace OrderSync.Benchmark.Baseline;

/// <summary>
/// Receives a ping and publishes its pong, the least a consumer that answers can do; with relays, sends it through that many
/// relays first, the way an event passes from consumer to consumer inside the worker.
/// </summary>
public sealed class BaselinePingConsumer(int relays) : IConsumer<BaselinePing>
{
    public async Task Consume(ConsumeContext<BaselinePing> context)
    {
        var ping = context.Message;
        if (relays > 0)
        {
            var relayQueue = await context.GetSendEndpoint(BaselineTopology.RelayAddress);
            await relayQueue.Send(new BaselineRelay(ping.Sequence, ping.SentAt, relays), context.CancellationToken);
        }
        else
        {
            await context.Publish(new BaselinePong(ping.Sequence, ping.SentAt), context.CancellationToken);
        }
    }
}
