using MassTransit;

namespace OrderSync.Benchmark.Baseline;

public sealed class BaselinePongConsumer(BaselinePongCounter counter) : IConsumer<BaselinePong>
{
    public Task Consume(ConsumeContext<BaselinePong> context)
    {
        counter.Arrive(context.Message);
        return Task.CompletedTask;
    }
}
