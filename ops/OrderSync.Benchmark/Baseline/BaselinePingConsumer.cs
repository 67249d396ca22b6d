using MassTransit;

namespace OrderSync.Benchmark.Baseline;

/// <summary>Receives a ping and publishes its pong: the least a consumer that answers can do.</summary>
public sealed class BaselinePingConsumer : IConsumer<BaselinePing>
{
    public Task Consume(ConsumeContext<BaselinePing> context) =>
        context.Publish(new BaselinePong(context.Message.Sequence, context.Message.SentAt), context.CancellationToken);
}
