namespace OrderSync.Benchmark.Measurement;

/// <summary>One worker's budget for one seller's endpoint, as its <c>/metrics</c> showed it.</summary>
/// <param name="Rate">The learnt rate, calls a second.</param>
/// <param name="Calls">Calls answered so far with this budget (a counter).</param>
public sealed record BudgetReading(double Rate, double Calls);

/// <summary>Every worker's <c>/metrics</c> read at once; <c>Workers[i]</c> maps each seller to instance i+1's reading (empty when unreachable).</summary>
public sealed record BudgetScrape(double Second, IReadOnlyList<IReadOnlyDictionary<string, BudgetReading>> Workers);

/// <param name="Instance">The worker instance (1-based) the rate was read from: the one holding the seller's lane.</param>
public sealed record LearntRatePoint(double Second, double Rate, int Instance);

/// <summary>A seller's learnt rate over time, each point from the instance that was calling for it.</summary>
public sealed record SellerLearntRate(string Seller, IReadOnlyList<LearntRatePoint> Points)
{
    public IReadOnlyList<int> Instances => [.. Points.Select(point => point.Instance).Distinct().Order()];

    /// <summary>The mean of the points read between the two seconds; null when none was.</summary>
    public double? MeanBetween(double fromSecond, double toSecond)
    {
        var inside = Points.Where(point => point.Second >= fromSecond && point.Second <= toSecond).ToList();
        return inside.Count == 0 ? null : inside.Average(point => point.Rate);
    }
}

/// <summary>
/// Picks each seller's learnt Walmart rate out of several workers' metrics. A seller's lane has one active consumer, so one process
/// calls for it and learns its rate: summing over the instances would count that rate once for each instance that holds a budget.
/// </summary>
public static class LearntRates
{
    /// <summary>The learnt rate gauge as OpenTelemetry's Prometheus exporter names it (unit <c>{call}/s</c>).</summary>
    public const string RateMetric = "ordersync_walmart_budget_rate_per_second";

    public const string CallsMetric = "ordersync_walmart_budget_calls_total";

    /// <summary>Each seller's reading of one endpoint (the exporter's label value, e.g. <c>Shipping</c>) in one scrape.</summary>
    public static IReadOnlyDictionary<string, BudgetReading> Read(IEnumerable<MetricSample> samples, string endpoint)
    {
        var rates = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var calls = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var sample in samples)
        {
            if (!sample.Labels.TryGetValue("endpoint", out var sampleEndpoint)
                || !string.Equals(sampleEndpoint, endpoint, StringComparison.OrdinalIgnoreCase)
                || !sample.Labels.TryGetValue("seller", out var seller))
            {
                continue;
            }

            if (sample.Name == RateMetric)
            {
                rates[seller] = sample.Value;
            }
            else if (sample.Name == CallsMetric)
            {
                calls[seller] = calls.GetValueOrDefault(seller) + sample.Value;
            }
        }

        return rates.ToDictionary(pair => pair.Key, pair => new BudgetReading(pair.Value, calls.GetValueOrDefault(pair.Key)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The index of the instance calling for a seller: the one whose calls grew most since its previous reading; when none grew,
    /// the one that has made the most calls (it held the lane last), then the highest rate. Null when no instance has a budget.
    /// </summary>
    public static int? Holder(IReadOnlyList<BudgetReading?> now, IReadOnlyList<BudgetReading?> before)
    {
        var candidates = Enumerable.Range(0, now.Count).Where(index => now[index] is not null).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        double Growth(int index) => now[index]!.Calls - (index < before.Count ? before[index]?.Calls ?? 0 : 0);
        return candidates
            .OrderByDescending(Growth)
            .ThenByDescending(index => now[index]!.Calls)
            .ThenByDescending(index => now[index]!.Rate)
            .First();
    }

    /// <summary>Each seller's learnt rate at every scrape in which some instance had its budget, by seller.</summary>
    public static IReadOnlyList<SellerLearntRate> Series(IReadOnlyList<BudgetScrape> scrapes)
    {
        var sellers = scrapes.SelectMany(scrape => scrape.Workers).SelectMany(worker => worker.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var series = new List<SellerLearntRate>();
        foreach (var seller in sellers)
        {
            // The last reading each instance gave, so that a scrape an instance missed does not make its whole count look new.
            var lastKnown = new Dictionary<int, BudgetReading>();
            var points = new List<LearntRatePoint>();
            foreach (var scrape in scrapes)
            {
                var now = scrape.Workers.Select(worker => worker.GetValueOrDefault(seller)).ToList();
                var before = Enumerable.Range(0, now.Count).Select(index => lastKnown.GetValueOrDefault(index)).ToList();
                if (Holder(now, before) is { } holder)
                {
                    points.Add(new LearntRatePoint(scrape.Second, now[holder]!.Rate, holder + 1));
                }

                for (var index = 0; index < now.Count; index++)
                {
                    if (now[index] is { } reading)
                    {
                        lastKnown[index] = reading;
                    }
                }
            }

            series.Add(new SellerLearntRate(seller, points));
        }

        return series;
    }
}
