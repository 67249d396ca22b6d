using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Workload;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// A small burst on orders of its own before a measured run, so that the worker's code is compiled and its pools are open, as
/// they are in a worker that has been running; the baseline warms up the same way.
/// </summary>
public static class WarmUp
{
    public const int Events = 400;

    public static int Orders => WorkloadPlanner.OrdersFor(Events);

    public static async Task RunAsync(
        string scenario, IReadOnlyList<SandboxOrder> orders, int seed, CloudEventPublisher publisher, ResultCollector collector, CancellationToken cancellationToken)
    {
        var plan = WorkloadPlanner.Plan(orders, Events, seed);
        collector.Expect(plan.Events);
        await publisher.PublishAllAsync(plan.Events, cancellationToken);
        if (!await ResultWait.ForAllAsync(collector, scenario + " warm-up", TimeSpan.FromSeconds(120), cancellationToken))
        {
            throw new TimeoutException("the warm-up's results did not all arrive within 120 s");
        }
    }

    /// <summary>
    /// The same rate as the measured run, from the worker's start: after a burst the worker was still slower in the first seconds
    /// of the measured minute (its first 5 s carried the whole p99 tail). Returns the latency of these first seconds: what a
    /// freshly started worker gives.
    /// </summary>
    public static async Task<LatencyDistribution> RunAtRateAsync(
        string scenario, IReadOnlyList<SandboxOrder> orders, int events, double perSecond, int seed,
        CloudEventPublisher publisher, ResultCollector collector, CancellationToken cancellationToken)
    {
        var plan = WorkloadPlanner.Plan(orders, events, seed);
        collector.Expect(plan.Events);
        await publisher.PublishAtRateAsync(plan.Events, perSecond, cancellationToken);
        if (!await ResultWait.ForAllAsync(collector, scenario + " warm-up", TimeSpan.FromSeconds(120), cancellationToken))
        {
            throw new TimeoutException("the warm-up's results did not all arrive within 120 s");
        }

        return LatencyDistribution.Of(collector.Answered().Select(pair => pair.Result.ArrivedAt - pair.Event.PublishedAt));
    }
}
