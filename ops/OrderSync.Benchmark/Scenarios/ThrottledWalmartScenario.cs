using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Reporting;
using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Scenario 3: the sandbox grants each of ten sellers Walmart's limits (per seller and endpoint: shipping 60/min with a burst
/// of 10, get order 300/min burst 50, cancel and acknowledge 60/min burst 10), while three worker instances on one broker and
/// database are configured for twice that (<c>Walmart__RateLimits__*</c>: shipping 120/min burst 20, get order 600/min burst
/// 100, cancel and acknowledge 120/min burst 20), so they must learn each seller's grant from Walmart's answers. Every event is
/// queued at once, so that each seller has more shipping work than its grant lets through: the shipping endpoint is the one the
/// mix saturates. Measured: accepted shipping calls as a share of what each seller's grant allowed over its window, 429 answers
/// per 1,000 calls, and each seller's learnt shipping rate once a second from the /metrics of the instance calling for it.
/// </summary>
public static class ThrottledWalmartScenario
{
    private const string Name = "throttled";
    private const string Shipping = "shipping";
    private const string ShippingBudget = "Shipping";
    private const int Instances = 3;
    private const int WorkerLimitsOverGrant = 2;

    /// <summary>The measuring span ends when the first seller has made this share of its shipping calls.</summary>
    private const double SaturatedUntilShare = 0.8;

    public static async Task<ThrottledResult> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var events = options.ThrottledEvents;
        var limits = ThrottleProfile.WalmartDefaults;
        var workerLimits = limits.Times(WorkerLimitsOverGrant);

        await using var stack = await ScenarioStack.StartAsync(context, Name, limits, workerLimits, cancellationToken);
        var orders = await stack.Sandbox.GenerateOrdersEvenly(context.Sellers, WorkloadPlanner.OrdersFor(events), options.Seed + 20, cancellationToken);
        var plan = WorkloadPlanner.Plan(orders, events, options.Seed + 20);
        BenchmarkContext.Say(Name, $"{plan.Describe()}, {context.Sellers.Count} sellers granted shipping {limits.Shipping.PermitsPerMinute}/min (burst {limits.Shipping.Capacity}) each; {Instances} workers configured for {workerLimits.Shipping.PermitsPerMinute}/min (burst {workerLimits.Shipping.Capacity})");

        var workers = new List<WorkerProcess>();
        for (var instance = 0; instance < Instances; instance++)
        {
            workers.Add(await stack.StartWorkerAsync(cancellationToken));
        }

        var memories = workers.Select(worker => new MemorySampler(worker.ProcessId)).ToList();
        try
        {
            await using var collector = await ResultCollector.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
            await using var publisher = await CloudEventPublisher.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);

            var span = await MeasuredSpan.BeginAsync(context, stack, workers, cancellationToken);
            collector.Expect(plan.Events);
            await using var budgets = new BudgetMetricsSampler(workers, ShippingBudget);
            var start = DateTimeOffset.UtcNow;
            await publisher.PublishAllAsync(plan.Events, cancellationToken);

            var shippingCalls = plan.Count(CommerceEventKind.ShipmentWithTrack) + plan.Count(CommerceEventKind.Track);
            var expectedSeconds = shippingCalls / (context.Sellers.Count * limits.Shipping.PerSecond);
            BenchmarkContext.Say(Name, $"published; {shippingCalls:N0} shipping calls at {context.Sellers.Count * limits.Shipping.PerSecond:N0}/s take at least {expectedSeconds:N0} s");
            await ResultWait.ForAllAsync(collector, Name, TimeSpan.FromSeconds((expectedSeconds * 3) + 120), cancellationToken);
            var results = ResultSummary.Of(collector);
            await budgets.StopAsync();
            var (measures, calls) = await span.EndAsync([.. workers.Zip(memories)], cancellationToken);

            var walmartCalls = calls.Where(call => call.Time >= start && call.Operation is not null).ToList();
            var (sellers, saturatedUntil) = SaturatedShippingRates(walmartCalls.Where(call => call.Operation == Shipping && call.Seller is not null).ToList(), limits.Shipping);
            var firstCall = walmartCalls.Count == 0 ? start : walmartCalls.Min(call => call.Time);
            var shippingBySecond = walmartCalls.Where(call => call.Operation == Shipping)
                .GroupBy(call => (int)Math.Floor((call.Time - firstCall).TotalSeconds))
                .ToDictionary(group => group.Key, group => (Accepted: group.Count(call => !call.IsThrottled), Throttled: group.Count(call => call.IsThrottled)));
            var timeline = Enumerable.Range(0, shippingBySecond.Count == 0 ? 0 : shippingBySecond.Keys.Max() + 1)
                .Select(second => ((double)second, shippingBySecond.GetValueOrDefault(second).Accepted, shippingBySecond.GetValueOrDefault(second).Throttled))
                .ToList();
            var byOperation = walmartCalls.GroupBy(call => call.Operation!)
                .ToDictionary(group => group.Key, group => ((long)group.Count(), (long)group.Count(call => call.IsThrottled)));

            // The sampler's clock starts just before the first publish: its readings move onto the same origin as the rest.
            var samplerOffset = (budgets.StartedAt - start).TotalSeconds;
            var learnt = LearntRates.Series([.. budgets.Scrapes.Select(scrape => scrape with { Second = scrape.Second + samplerOffset })]);

            var elapsed = (results.LastArrival ?? DateTimeOffset.UtcNow) - start;
            var result = new ThrottledResult(
                plan.Describe(), limits, new RateSample(events, elapsed), results, sellers,
                walmartCalls.Count, walmartCalls.Count(call => call.IsThrottled), byOperation, timeline, measures,
                workerLimits, Instances, learnt, saturatedUntil is { } end ? (end - start).TotalSeconds : double.NaN);
            BenchmarkContext.Say(Name, $"{Units.Percent(result.ShareOfAllowedRate, 1)} of the allowed shipping rate (sellers: lowest {Units.Percent(result.LowestSellerShare, 1)}, median {Units.Percent(result.MedianSellerShare, 1)}), "
                + $"{result.ThrottledPerThousandCalls:N2} 429s per 1,000 calls; median learnt shipping rate {result.MedianLearntShippingRate:N2}/s against {limits.Shipping.PerSecond:N2}/s granted");
            return result;
        }
        finally
        {
            foreach (var memory in memories)
            {
                await memory.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Each seller's accepted shipping calls against what its bucket allowed, over the span in which every seller still had at least
    /// <see cref="SaturatedUntilShare"/>'s complement of its shipping calls to make: from the seller's first shipping call to the
    /// moment the first seller reached that share. Within it every seller had calls waiting, so a call not made is the worker's.
    /// </summary>
    private static (List<SellerShippingRate> Sellers, DateTimeOffset? End) SaturatedShippingRates(IReadOnlyList<SandboxCall> shippingCalls, EndpointLimit limit)
    {
        var bySeller = shippingCalls.GroupBy(call => call.Seller!)
            .ToDictionary(group => group.Key, group => group.Where(call => !call.IsThrottled).OrderBy(call => call.Time).ToList(), StringComparer.Ordinal);
        if (bySeller.Count == 0 || bySeller.Values.Any(calls => calls.Count == 0))
        {
            return ([], null);
        }

        var end = bySeller.Values.Min(calls => calls[Math.Max(0, (int)Math.Ceiling(calls.Count * SaturatedUntilShare) - 1)].Time);
        return ([.. bySeller.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
        {
            var first = pair.Value[0].Time;
            var window = end - first;
            var throttled = shippingCalls.Count(call => call.Seller == pair.Key && call.IsThrottled && call.Time <= end);
            return new SellerShippingRate(pair.Key, pair.Value.Count(call => call.Time <= end), throttled, window, limit.AllowedOver(window));
        })], end);
    }
}
