using MassTransit;

namespace OrderSync.Benchmark.Baseline;

/// <summary>Passes a relayed ping on, through the relay queue again or, at its last relay, as its pong.</summary>
public sealed class BaselineRelayConsumer : IConsumer<BaselineRelay>
{
    public async Task Consume(ConsumeContext<BaselineRelay> context)
    {
        var relay = context.Message;
        if (relay.HopsLeft > 1)
        {
            var relays = await context.GetSendEndpoint(BaselineTopology.RelayAddress);
            await relays.Send(relay with { HopsLeft = relay.HopsLeft - 1 }, context.CancellationToken);
        }
        else
        {
            await context.Publish(new BaselinePong(relay.Sequence, relay.SentAt), context.CancellationToken);
        }
    }
}
