using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Reporting;
using OrderSync.Benchmark.Workload;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Scenario 3: the sandbox throttles each of ten sellers with Walmart's limits (per seller and endpoint), and the worker's own
/// client-side buckets are set to the same limits. Every event is queued at once, so that each seller has more shipping work than
/// its limit lets through: the shipping endpoint is the one the mix saturates. Measured: accepted shipping calls as a share of what
/// each seller's bucket allowed over its window, and 429 answers per 1,000 calls.
/// </summary>
public static class ThrottledWalmartScenario
{
    private const string Name = "throttled";
    private const string Shipping = "shipping";

    /// <summary>The measuring span ends when the first seller has made this share of its shipping calls.</summary>
    private const double SaturatedUntilShare = 0.8;

    public static async Task<ThrottledResult> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var events = options.ThrottledEvents;
        var limits = ThrottleProfile.WalmartDefaults;

        await using var stack = await ScenarioStack.StartAsync(context, Name, limits, cancellationToken);
        var orders = await stack.Sandbox.GenerateOrdersEvenlyAsync(WorkloadPlanner.OrdersFor(events), options.Seed + 20, cancellationToken);
        var plan = WorkloadPlanner.Plan(orders, events, options.Seed + 20);
        BenchmarkContext.Say(Name, $"{plan.Describe()}, {context.Sellers.Count} sellers, shipping {limits.Shipping.PermitsPerMinute}/min (burst {limits.Shipping.Capacity}) each");

        var worker = await stack.StartWorkerAsync(cancellationToken);
        await using var memory = new MemorySampler(worker.ProcessId);
        await using var collector = await ResultCollector.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);
        await using var publisher = await CloudEventPublisher.ConnectAsync(stack.Resources.RabbitMq, cancellationToken);

        var span = await MeasuredSpan.BeginAsync(context, stack, worker, cancellationToken);
        collector.Expect(plan.Events);
        var start = DateTimeOffset.UtcNow;
        await publisher.PublishAllAsync(plan.Events, cancellationToken);

        var shippingCalls = plan.Count(CommerceEventKind.ShipmentWithTrack) + plan.Count(CommerceEventKind.Track);
        var expectedSeconds = shippingCalls / (context.Sellers.Count * limits.Shipping.PerSecond);
        BenchmarkContext.Say(Name, $"published; {shippingCalls:N0} shipping calls at {context.Sellers.Count * limits.Shipping.PerSecond:N0}/s take at least {expectedSeconds:N0} s");
        await ResultWait.ForAllAsync(collector, Name, TimeSpan.FromSeconds((expectedSeconds * 3) + 120), cancellationToken);
        var results = ResultSummary.Of(collector);
        var (measures, calls) = await span.EndAsync(worker, memory, cancellationToken);

        var walmartCalls = calls.Where(call => call.Time >= start && call.Operation is not null).ToList();
        var sellers = SaturatedShippingRates(walmartCalls.Where(call => call.Operation == Shipping && call.Seller is not null).ToList(), limits.Shipping);
        var firstCall = walmartCalls.Count == 0 ? start : walmartCalls.Min(call => call.Time);
        var shippingBySecond = walmartCalls.Where(call => call.Operation == Shipping)
            .GroupBy(call => (int)Math.Floor((call.Time - firstCall).TotalSeconds))
            .ToDictionary(group => group.Key, group => (Accepted: group.Count(call => !call.IsThrottled), Throttled: group.Count(call => call.IsThrottled)));
        var timeline = Enumerable.Range(0, shippingBySecond.Count == 0 ? 0 : shippingBySecond.Keys.Max() + 1)
            .Select(second => ((double)second, shippingBySecond.GetValueOrDefault(second).Accepted, shippingBySecond.GetValueOrDefault(second).Throttled))
            .ToList();
        var byOperation = walmartCalls.GroupBy(call => call.Operation!)
            .ToDictionary(group => group.Key, group => ((long)group.Count(), (long)group.Count(call => call.IsThrottled)));

        var elapsed = (results.LastArrival ?? DateTimeOffset.UtcNow) - start;
        var result = new ThrottledResult(
            plan.Describe(), limits, new RateSample(events, elapsed), results, sellers,
            walmartCalls.Count, walmartCalls.Count(call => call.IsThrottled), byOperation, timeline, measures);
        BenchmarkContext.Say(Name, $"{Units.Percent(result.ShareOfAllowedRate, 1)} of the allowed shipping rate, {result.ThrottledPerThousandCalls:N2} 429s per 1,000 calls");
        return result;
    }

    /// <summary>
    /// Each seller's accepted shipping calls against what its bucket allowed, over the span in which every seller still had at least
    /// <see cref="SaturatedUntilShare"/>'s complement of its shipping calls to make: from the seller's first shipping call to the
    /// moment the first seller reached that share. Within it every seller had calls waiting, so a call not made is the worker's.
    /// </summary>
    private static List<SellerShippingRate> SaturatedShippingRates(IReadOnlyList<SandboxCall> shippingCalls, EndpointLimit limit)
    {
        var bySeller = shippingCalls.GroupBy(call => call.Seller!)
            .ToDictionary(group => group.Key, group => group.Where(call => !call.IsThrottled).OrderBy(call => call.Time).ToList(), StringComparer.Ordinal);
        if (bySeller.Count == 0 || bySeller.Values.Any(calls => calls.Count == 0))
        {
            return [];
        }

        var end = bySeller.Values.Min(calls => calls[Math.Max(0, (int)Math.Ceiling(calls.Count * SaturatedUntilShare) - 1)].Time);
        return [.. bySeller.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
        {
            var first = pair.Value[0].Time;
            var window = end - first;
            var throttled = shippingCalls.Count(call => call.Seller == pair.Key && call.IsThrottled && call.Time <= end);
            return new SellerShippingRate(pair.Key, pair.Value.Count(call => call.Time <= end), throttled, window, limit.AllowedOver(window));
        })];
    }
}
