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
}
