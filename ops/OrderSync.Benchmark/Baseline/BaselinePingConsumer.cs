using MassTransit;

namespace OrderSync.Benchmark.Baseline;

/// <summary>
/// Receives a ping and publishes its pong, the least a consumer that answers can do; with relays, sends it through that many
/// relays first, the way an event passes from consumer to consumer inside the worker.
/// </summary>
public sealed class BaselinePingConsumer(int relays) : IConsumer<BaselinePing>
{
    public Task Consume(ConsumeContext<BaselinePing> context) =>
        BaselineTopology.PassOn(context, context.Message.Sequence, context.Message.SentAt, relays);
}
