using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Commerce;
using RabbitMQ.Client;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Scenario 4: a backlog (100,000 events) queued while the worker is stopped, then the worker started: how long it takes to drain
/// (worker launch to the last expected result) and the worker's peak memory meanwhile. The worker is started once before, and
/// stopped, so that its queue and bindings exist and the events wait in its queue as they would after an outage.
/// </summary>
public static class BacklogScenario
{
    private const string Name = "backlog";

    public static async Task<BacklogResult> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var events = options.BacklogEvents;

        await using var stack = await ScenarioStack.StartAsync(context, Name, throttle: null, cancellationToken);
        var orders = await stack.Sandbox.GenerateOrders(context.Sellers, WorkloadPlanner.OrdersFor(events), options.Seed + 30, cancellationToken);
        var plan = WorkloadPlanner.Plan(orders, events, options.Seed + 30);
        BenchmarkContext.Say(Name, plan.Describe());

        var topology = await stack.StartWorkerAsync(cancellationToken);
        await topology.Terminate(ScenarioStack.WorkerStopTimeout);
        BenchmarkContext.Say(Name, "the worker declared its queues and stopped; queueing the backlog");

        await using var collector = await ResultCollector.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
        collector.Expect(plan.Events);
        await using (var publisher = await CloudEventPublisher.ConnectAsync(stack.Resources.RabbitMq, cancellationToken))
        {
            await publisher.PublishAllAsync(plan.Events, cancellationToken);
        }

        var published = new RateSample(events, plan.Events[^1].PublishedAt - plan.Events[0].PublishedAt);
        var queued = await IntakeDepthAsync(stack.Resources.RabbitMq, cancellationToken);
        BenchmarkContext.Say(Name, $"published {events:N0} events at {published.PerSecond:N0} a second; {queued:N0} wait in {ContractNames.IntakeQueue}");

        var span = await MeasuredSpan.BeginAsync(context, stack, worker: null, cancellationToken);
        var worker = await stack.StartWorkerAsync(cancellationToken);
        await using var memory = new MemorySampler(worker.ProcessId);
        BenchmarkContext.Say(Name, $"worker started in {(worker.ReadyAt - worker.LaunchedAt).TotalSeconds:N1} s; draining");

        await ResultWait.ForAllAsync(collector, Name, TimeSpan.FromSeconds(Math.Clamp(events / 35.0, 300, 1_800)), cancellationToken);
        var gaveUpAt = DateTimeOffset.UtcNow;
        var results = ResultSummary.Of(collector);
        var (measures, _) = await span.EndAsync(worker, memory, cancellationToken);

        var last = results.Complete ? results.LastArrival!.Value : gaveUpAt;
        var result = new BacklogResult(
            plan.Describe(), events, published, queued, last - worker.LaunchedAt, last - worker.ReadyAt, results,
            ThroughputTimeline.Of(results.Arrivals, worker.LaunchedAt), measures);
        BenchmarkContext.Say(Name, results.Complete
            ? $"drained in {result.DrainTime.TotalSeconds:N0} s ({result.EventsPerSecond:N0} events/s), peak memory {measures.PeakMemoryMiB:N0} MiB"
            : $"not drained after {result.DrainTime.TotalSeconds:N0} s ({result.EventsPerSecond:N0} events/s, all of it would take about {result.ProjectedDrainTime.TotalSeconds:N0} s), peak memory {measures.PeakMemoryMiB:N0} MiB");
        return result;
    }

    private static async Task<uint> IntakeDepthAsync(Uri rabbitMq, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "benchmark queue probe" }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclarePassiveAsync(ContractNames.IntakeQueue, cancellationToken);
        return queue.MessageCount;
    }
}
