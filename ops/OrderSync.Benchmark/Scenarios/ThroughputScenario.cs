using OrderSync.Benchmark.Baseline;
using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Profiling;
using OrderSync.Benchmark.Reporting;
using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Scenario 1: N mixed events over M orders published as fast as the broker takes them, the sandbox without latency or throttling.
/// Throughput is N over the time from the first publish to the last expected result. Beside it, on the same broker, the plain
/// MassTransit baseline with the same N, and the same N through as many hops as an event makes in the worker with consumers that
/// only pass messages on: what the hops alone cost.
/// </summary>
public static class ThroughputScenario
{
    private const string Name = "throughput";

    /// <summary>How long dotnet-trace samples the worker (from the first publish) when --trace-worker is given.</summary>
    private static readonly TimeSpan TraceDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long perf samples every core (from the first publish) when --perf is given: within the shortest burst.</summary>
    private static readonly TimeSpan ProfileDuration = TimeSpan.FromSeconds(10);

    /// <summary>An event's path in the worker, intake, saga, Walmart operation, saga, result, is five hops: the baseline's two and three relays.</summary>
    private const int WorkerPathRelays = 3;

    public static async Task<ThroughputResult> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var events = options.ThroughputEvents;

        BenchmarkContext.Say(Name, $"baseline: plain MassTransit, {events:N0} messages consumed and answered");
        var baseline = await RunBaselineAsync(context, "baseline", events, relays: 0, cancellationToken);
        BenchmarkContext.Say(Name, $"baseline: {baseline.Rate.PerSecond:N0} messages/s ({baseline.Rate.Elapsed.TotalSeconds:N1} s)");
        var workerPath = await RunBaselineAsync(context, "baseline_path", events, WorkerPathRelays, cancellationToken);
        BenchmarkContext.Say(Name, $"the worker's {workerPath.Hops} hops, plain MassTransit: {workerPath.Rate.PerSecond:N0} messages/s ({workerPath.Rate.Elapsed.TotalSeconds:N1} s)");

        await using var stack = await ScenarioStack.StartAsync(context, Name, throttle: null, cancellationToken);
        var orderCount = options.ThroughputOrders > 0 ? options.ThroughputOrders : WorkloadPlanner.OrdersFor(events);
        var orders = await stack.Sandbox.GenerateOrders(context.Sellers, orderCount + WarmUp.Orders, options.Seed, cancellationToken);
        var plan = WorkloadPlanner.Plan([.. orders.Skip(WarmUp.Orders)], events, options.Seed);
        BenchmarkContext.Say(Name, plan.Describe());

        var worker = await stack.StartWorkerAsync(cancellationToken);
        await using var memory = new MemorySampler(worker.ProcessId);
        await using var collector = await ResultCollector.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
        await using var publisher = await CloudEventPublisher.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
        await WarmUp.RunAsync(Name, [.. orders.Take(WarmUp.Orders)], options.Seed + 1, publisher, collector, cancellationToken);

        var span = await MeasuredSpan.BeginAsync(context, stack, worker, cancellationToken);
        await using var trace = options.TraceTool is { } tool
            ? WorkerTrace.Start(tool, worker.ProcessId, TraceDuration, Path.Combine(context.OutputDirectory, "worker-trace.nettrace"))
            : null;
        await using var profile = options.PerfTool is { } perf
            ? SystemProfile.Start(perf, ProfileDuration, Path.Combine(context.OutputDirectory, "perf.data"))
            : null;
        collector.Expect(plan.Events);
        var start = DateTimeOffset.UtcNow;
        await publisher.PublishAllAsync(plan.Events, cancellationToken);
        var publishTime = DateTimeOffset.UtcNow - start;
        BenchmarkContext.Say(Name, $"published {events:N0} events in {publishTime.TotalSeconds:N1} s");

        await ResultWait.ForAllAsync(collector, Name, TimeSpan.FromSeconds(Math.Max(300, events / 20.0)), cancellationToken);
        if (trace is not null)
        {
            var traced = await trace.WaitAsync(TraceDuration + TimeSpan.FromMinutes(2));
            BenchmarkContext.Say(Name, traced ? $"worker trace: {trace.Output} (and .speedscope.json)" : "the worker trace failed");
        }
        var results = ResultSummary.Of(collector);
        var (measures, _) = await span.EndAsync(worker, memory, cancellationToken);
        if (profile is not null)
        {
            await WriteProfileAsync(context, profile, stack, worker);
        }

        var elapsed = (results.LastArrival ?? DateTimeOffset.UtcNow) - start;
        var throughput = new RateSample(results.Complete ? events : (long)(events * (double)results.Arrived / results.Expected), elapsed);
        BenchmarkContext.Say(Name, $"{throughput.PerSecond:N0} events/s ({elapsed.TotalSeconds:N1} s), {Units.Percent(throughput.PerSecond / baseline.Rate.PerSecond, 0)} of the baseline");
        return new ThroughputResult(plan.Describe(), events, publishTime, throughput, results, ThroughputTimeline.Of(results.Arrivals, start), measures, baseline, workerPath);
    }

    private static async Task WriteProfileAsync(BenchmarkContext context, SystemProfile profile, ScenarioStack stack, WorkerProcess worker)
    {
        var processes = new ProfileProcesses(worker.ProcessId, stack.Sandbox.ProcessId, context.Cpu.RabbitMqProcessId(), Environment.ProcessId);
        var cpu = await profile.ReadAsync(processes, ProfileDuration + TimeSpan.FromMinutes(2));
        if (cpu is null)
        {
            BenchmarkContext.Say(Name, "the perf profile failed");
            return;
        }

        var output = Path.Combine(context.OutputDirectory, "cpu-profile.md");
        await File.WriteAllTextAsync(output, CpuProfileWriter.Markdown(cpu, "scenario 1's burst", ProfileDuration));
        BenchmarkContext.Say(Name, $"CPU profile: {output}");
    }

    private static async Task<BaselineResult> RunBaselineAsync(BenchmarkContext context, string name, int messages, int relays, CancellationToken cancellationToken)
    {
        await using var resources = await ScenarioResources.CreateAsync(context.Services, context.Management, name, cancellationToken);
        return await MassTransitBaseline.RunAsync(resources.RabbitMq, messages, relays, context.Cpu, TimeSpan.FromMinutes(5), cancellationToken);
    }
}
