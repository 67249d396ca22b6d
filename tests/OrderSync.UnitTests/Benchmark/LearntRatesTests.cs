using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.UnitTests.Benchmark;

public sealed class LearntRatesTests
{
    private const string Metrics = """
        # TYPE ordersync_walmart_budget_rate_per_second gauge
        # UNIT ordersync_walmart_budget_rate_per_second per_second
        ordersync_walmart_budget_rate_per_second{endpoint="Shipping",seller="store_1",otel_scope_name="OrderSync"} 1.35 1733573000000
        ordersync_walmart_budget_rate_per_second{endpoint="GetOrder",seller="store_1",otel_scope_name="OrderSync"} 10 1733573000000
        ordersync_walmart_budget_rate_per_second{endpoint="Shipping",seller="store_2",otel_scope_name="OrderSync"} 2 1733573000000
        # TYPE ordersync_walmart_budget_calls_total counter
        ordersync_walmart_budget_calls_total{endpoint="Shipping",seller="store_1",otel_scope_name="OrderSync"} 42 1733573000000
        ordersync_walmart_budget_calls_total{endpoint="GetOrder",seller="store_1",otel_scope_name="OrderSync"} 7 1733573000000
        ordersync_walmart_budget_wait_seconds_bucket{endpoint="Shipping",seller="store_1",le="+Inf"} 42 1733573000000
        """;

    [Fact]
    public void Prometheus_text_gives_each_series_with_its_labels_and_value()
    {
        var samples = PrometheusText.Parse(Metrics);

        samples.Count.ShouldBe(6);
        samples[0].Name.ShouldBe(LearntRates.RateMetric);
        samples[0].Labels["seller"].ShouldBe("store_1");
        samples[0].Labels["endpoint"].ShouldBe("Shipping");
        samples[0].Value.ShouldBe(1.35);
        samples[^1].Labels["le"].ShouldBe("+Inf");
    }

    [Fact]
    public void Label_values_keep_their_escaped_quotes_and_commas()
    {
        var sample = PrometheusText.Parse("""metric{name="a \"b\", c"} +Inf""").Single();

        sample.Labels["name"].ShouldBe("a \"b\", c");
        sample.Value.ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Each_seller_reads_its_rate_and_calls_of_one_endpoint()
    {
        var readings = LearntRates.Read(PrometheusText.Parse(Metrics), "Shipping");

        readings["store_1"].ShouldBe(new BudgetReading(1.35, 42));
        readings["store_2"].ShouldBe(new BudgetReading(2, 0));
    }

    [Fact]
    public void The_holder_is_the_instance_whose_calls_grew_not_the_one_with_the_highest_rate()
    {
        BudgetReading?[] before = [new(2, 100), new(1, 50), null];
        BudgetReading?[] now = [new(2, 100), new(1, 60), null];

        LearntRates.Holder(now, before).ShouldBe(1);
    }

    [Fact]
    public void When_no_instance_called_the_holder_is_the_one_that_made_the_most_calls()
    {
        BudgetReading?[] readings = [new(2, 10), new(1, 60), new(1.5, 0)];

        LearntRates.Holder(readings, readings).ShouldBe(1);
        LearntRates.Holder([null, null], [null, null]).ShouldBeNull();
    }

    [Fact]
    public void A_series_follows_the_lane_as_it_moves_and_never_sums_the_instances()
    {
        IReadOnlyDictionary<string, BudgetReading> Seller1(double rate, double calls) => new Dictionary<string, BudgetReading> { ["store_1"] = new(rate, calls) };
        IReadOnlyDictionary<string, BudgetReading> None() => new Dictionary<string, BudgetReading>();
        BudgetScrape[] scrapes =
        [
            new(0, [Seller1(2, 5), None()]),
            new(1, [Seller1(1.4, 6), None()]),

            // Instance 1 missed this scrape: its count must not look new when it answers again.
            new(2, [None(), Seller1(2, 1)]),
            new(3, [Seller1(1.4, 6), Seller1(1.1, 3)]),
        ];

        var series = LearntRates.Series(scrapes).ShouldHaveSingleItem();

        series.Seller.ShouldBe("store_1");
        series.Points.ShouldBe([new(0, 2, 1), new(1, 1.4, 1), new(2, 2, 2), new(3, 1.1, 2)]);
        series.Instances.ShouldBe([1, 2]);
        series.MeanBetween(1, 3)!.Value.ShouldBe((1.4 + 2 + 1.1) / 3, tolerance: 1e-9);
        series.MeanBetween(10, 20).ShouldBeNull();
    }

    [Fact]
    public void Worker_limits_twice_the_grant_double_each_bucket_and_its_refill()
    {
        var doubled = ThrottleProfile.WalmartDefaults.Times(2);

        doubled.Shipping.ShouldBe(new EndpointLimit(20, TimeSpan.FromMilliseconds(500)));
        doubled.Shipping.PermitsPerMinute.ShouldBe(120);
        doubled.GetOrder.PermitsPerMinute.ShouldBe(600);
    }
}
