using MassTransit;

namespace OrderSync.Benchmark.Baseline;

/// <summary>Passes a relayed ping on, through the relay queue again or, at its last relay, as its pong.</summary>
public sealed class BaselineRelayConsumer : IConsumer<BaselineRelay>
{
    public Task Consume(ConsumeContext<BaselineRelay> context) =>
        BaselineTopology.PassOn(context, context.Message.Sequence, context.Message.SentAt, context.Message.HopsLeft - 1);
}
