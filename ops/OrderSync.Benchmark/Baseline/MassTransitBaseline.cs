using MassTransit;
using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Baseline;

/// <summary>
/// The ceiling of this stack on this machine: a plain MassTransit bus (in this process, on the same broker, a virtual host of its
/// own, the worker's prefetch and concurrency) whose one consumer receives a small message and publishes a result, which a second
/// consumer receives. N messages are published as fast as the broker confirms them; the time runs until the N-th result is consumed.
/// With relays, each message also passes through that many consumers that do nothing but send it on: the cost of the hops alone.
/// </summary>
public static class MassTransitBaseline
{
    /// <summary>The worker's defaults (appsettings.json, section Worker).</summary>
    public const int PrefetchCount = 32;
    public const int ConcurrentMessageLimit = 16;

    private const int PublishWindow = 256;
    private const int WarmUpMessages = 500;

    public static async Task<BaselineResult> RunAsync(
        Uri rabbitMq, int messages, int relays, CpuAccounting cpu, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var counter = new BaselinePongCounter();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(rabbitMq, host => host.ConnectionName("benchmark baseline"));
            rabbit.PrefetchCount = PrefetchCount;
            rabbit.ConcurrentMessageLimit = ConcurrentMessageLimit;
            BaselineTopology.ConfigureEndpoints(rabbit, relays, counter);
        });

        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startTimeout.CancelAfter(TimeSpan.FromSeconds(60));
        await bus.StartAsync(startTimeout.Token);
        try
        {
            await Round(bus, counter, WarmUpMessages, timeout, cancellationToken);
            var cpuBefore = cpu.Read(null, null);
            var start = DateTimeOffset.UtcNow;
            var last = await Round(bus, counter, messages, timeout, cancellationToken);
            var used = cpu.Read(null, null) - cpuBefore;
            return new BaselineResult(new RateSample(messages, last - start), counter.Latency, BaselineTopology.Hops(relays), PrefetchCount, ConcurrentMessageLimit, used);
        }
        finally
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await bus.StopAsync(stopTimeout.Token);
        }
    }

    /// <summary>Publishes <paramref name="messages"/> pings as fast as the broker confirms them; returns when the last pong arrived.</summary>
    public static async Task<DateTimeOffset> Round(IBus bus, BaselinePongCounter counter, int messages, TimeSpan timeout, CancellationToken cancellationToken)
    {
        counter.Expect(messages);
        var unconfirmed = new Queue<Task>();
        for (var sequence = 0; sequence < messages; sequence++)
        {
            unconfirmed.Enqueue(bus.Publish(new BaselinePing(sequence, DateTimeOffset.UtcNow), cancellationToken));
            if (unconfirmed.Count >= PublishWindow)
            {
                await unconfirmed.Dequeue();
            }
        }

        await Task.WhenAll(unconfirmed);
        try
        {
            return await counter.AllArrived.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the baseline's {messages} results did not all arrive within {timeout} ({counter.Arrived} did)");
        }
    }
}
