using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Workload;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Scenario 2: the same mix at a fixed rate (100 events a second) for a fixed time (a minute), the sandbox without latency or
/// throttling: latency when the worker is not pushed to its limit.
/// </summary>
public static class SteadyLoadScenario
{
    private const string Name = "steady";

    public static async Task<SteadyLoadResult> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var events = options.SteadyRate * options.SteadySeconds;

        await using var stack = await ScenarioStack.StartAsync(context, Name, throttle: null, cancellationToken);
        var warmUpEvents = options.SteadyRate * options.SteadyWarmUpSeconds;
        var warmUpOrders = WorkloadPlanner.OrdersFor(warmUpEvents);
        var orders = await stack.Sandbox.GenerateOrders(context.Sellers, WorkloadPlanner.OrdersFor(events) + warmUpOrders, options.Seed + 10, cancellationToken);
        var plan = WorkloadPlanner.Plan([.. orders.Skip(warmUpOrders)], events, options.Seed + 10);
        BenchmarkContext.Say(Name, $"{plan.Describe()}, at {options.SteadyRate} a second for {options.SteadySeconds} s");

        var worker = await stack.StartWorkerAsync(cancellationToken);
        await using var memory = new MemorySampler(worker.ProcessId);
        await using var pressure = new PressureSampler();
        await using var collector = await ResultCollector.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
        await using var publisher = await CloudEventPublisher.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
        var coldStart = await WarmUp.RunAtRateAsync(
            Name, [.. orders.Take(warmUpOrders)], warmUpEvents, options.SteadyRate, options.Seed + 11, publisher, collector, cancellationToken);
        BenchmarkContext.Say(Name, $"warm-up ({options.SteadyWarmUpSeconds} s from the worker's start): p50 {coldStart.PercentileMs(50):N1} ms, p99 {coldStart.PercentileMs(99):N1} ms");

        var span = await MeasuredSpan.BeginAsync(context, stack, worker, cancellationToken);
        collector.Expect(plan.Events);
        var start = DateTimeOffset.UtcNow;
        await publisher.PublishAtRateAsync(plan.Events, options.SteadyRate, cancellationToken);
        var published = new RateSample(events, plan.Events[^1].PublishedAt - plan.Events[0].PublishedAt);
        BenchmarkContext.Say(Name, $"published {events:N0} events at {published.PerSecond:N1} a second");

        await ResultWait.ForAllAsync(collector, Name, TimeSpan.FromSeconds(180), cancellationToken);
        var results = ResultSummary.Of(collector);
        var (measures, _) = await span.EndAsync(worker, memory, cancellationToken);
        var stages = LatencyStages.Of(await EventTimelines.ReadAsync(stack.Resources.Postgres, collector.Answered(), cancellationToken));

        var lag = (results.LastArrival ?? DateTimeOffset.UtcNow) - plan.Events[^1].PublishedAt;
        var overTime = collector.Answered()
            .GroupBy(pair => Math.Floor((pair.Event.PublishedAt - start).TotalSeconds / 5) * 5)
            .OrderBy(group => group.Key)
            .Select(group =>
            {
                var distribution = LatencyDistribution.Of(group.Select(pair => pair.Result.ArrivedAt - pair.Event.PublishedAt));
                var stalls = pressure.Between(start.AddSeconds(group.Key), start.AddSeconds(group.Key + 5));
                return new LatencyWindow(group.Key, distribution.PercentileMs(50), distribution.PercentileMs(99), stalls?.CpuWaiting, stalls?.IoWaiting);
            })
            .ToList();
        BenchmarkContext.Say(Name, $"latency p50 {results.Latency.PercentileMs(50):N1} ms, p99 {results.Latency.PercentileMs(99):N1} ms");
        return new SteadyLoadResult(
            plan.Describe(), options.SteadyRate, TimeSpan.FromSeconds(options.SteadySeconds), published, results, stages, lag,
            TimeSpan.FromSeconds(options.SteadyWarmUpSeconds), coldStart,
            ThroughputTimeline.Of(results.Arrivals, start), overTime, measures);
    }
}
