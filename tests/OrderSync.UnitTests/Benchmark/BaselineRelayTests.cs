using MassTransit;
using OrderSync.Benchmark.Baseline;

namespace OrderSync.UnitTests.Benchmark;

public sealed class BaselineRelayTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Every_ping_comes_back_as_one_pong_after_passing_each_relay_once(int relays)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var counter = new BaselinePongCounter();
        var relayed = new RelayCount();
        var bus = Bus.Factory.CreateUsingInMemory(configurator => BaselineTopology.ConfigureEndpoints(configurator, relays, counter));
        using var observer = bus.ConnectConsumeMessageObserver(relayed);
        await bus.StartAsync(timeout.Token);
        try
        {
            await MassTransitBaseline.Round(bus, counter, 20, TimeSpan.FromSeconds(30), timeout.Token);

            counter.Arrived.ShouldBe(20);
            counter.Latency.Count.ShouldBe(20);
            relayed.Count.ShouldBe(20 * relays);
            BaselineTopology.Hops(relays).ShouldBe(relays + 2);
        }
        finally
        {
            await bus.StopAsync(timeout.Token);
        }
    }

    private sealed class RelayCount : IConsumeMessageObserver<BaselineRelay>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task PreConsume(ConsumeContext<BaselineRelay> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<BaselineRelay> context)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<BaselineRelay> context, Exception exception) => Task.CompletedTask;
    }
}
