using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Events on orders of their own before a measured run, so that the worker's code is compiled and its pools are open, as they
/// are in a worker that has been running; the baseline warms up the same way.
/// </summary>
public static class WarmUp
{
    public const int Events = 400;

    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(120);

    public static int Orders => WorkloadPlanner.OrdersFor(Events);

    /// <summary>A burst of <see cref="Events"/>, before a burst.</summary>
    public static Task RunAsync(
        string scenario, IReadOnlyList<SandboxOrder> orders, int seed, CloudEventPublisher publisher, ResultCollector collector, CancellationToken cancellationToken) =>
        PublishAndWaitAsync(scenario, WorkloadPlanner.Plan(orders, Events, seed), publisher.PublishAllAsync, collector, cancellationToken);

    /// <summary>
    /// The same rate as the measured run, from the worker's start: after a burst the worker was still slower in the first seconds
    /// of the measured minute (its first 5 s carried the whole p99 tail). Returns the latency of these first seconds: what a
    /// freshly started worker gives.
    /// </summary>
    public static async Task<LatencyDistribution> RunAtRateAsync(
        string scenario, IReadOnlyList<SandboxOrder> orders, int events, double perSecond, int seed,
        CloudEventPublisher publisher, ResultCollector collector, CancellationToken cancellationToken)
    {
        await PublishAndWaitAsync(
            scenario, WorkloadPlanner.Plan(orders, events, seed), (planned, token) => publisher.PublishAtRateAsync(planned, perSecond, token), collector, cancellationToken);
        return ResultSummary.Of(collector).Latency;
    }

    private static async Task PublishAndWaitAsync(
        string scenario, WorkloadPlan plan, Func<IReadOnlyList<PlannedEvent>, CancellationToken, Task> publish, ResultCollector collector,
        CancellationToken cancellationToken)
    {
        collector.Expect(plan.Events);
        await publish(plan.Events, cancellationToken);
        if (!await ResultWait.ForAllAsync(collector, scenario + " warm-up", ResultTimeout, cancellationToken))
        {
            throw new TimeoutException($"the warm-up's results did not all arrive within {ResultTimeout.TotalSeconds:N0} s");
        }
    }
}
