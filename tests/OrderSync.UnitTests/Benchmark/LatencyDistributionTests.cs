using OrderSync.Benchmark.Measurement;

namespace OrderSync.UnitTests.Benchmark;

public sealed class LatencyDistributionTests
{
    [Fact]
    public void Percentiles_are_read_from_the_recorded_latencies_to_three_significant_digits()
    {
        var distribution = LatencyDistribution.Of(Enumerable.Range(1, 1_000).Select(ms => TimeSpan.FromMilliseconds(ms)));

        distribution.Count.ShouldBe(1_000);
        distribution.PercentileMs(50).ShouldBe(500, tolerance: 0.5);
        distribution.PercentileMs(99).ShouldBe(990, tolerance: 1);
        distribution.MaxMs.ShouldBe(1_000, tolerance: 1);
        distribution.MeanMs.ShouldBe(500.5, tolerance: 0.5);
    }

    [Fact]
    public void A_tail_of_one_percent_shows_in_the_p99_and_not_in_the_p50()
    {
        var latencies = Enumerable.Repeat(TimeSpan.FromMilliseconds(20), 989).Concat(Enumerable.Repeat(TimeSpan.FromMilliseconds(150), 11));

        var distribution = LatencyDistribution.Of(latencies);

        distribution.PercentileMs(50).ShouldBe(20, tolerance: 0.1);
        distribution.PercentileMs(99).ShouldBe(150, tolerance: 0.2);
    }

    [Fact]
    public void Nothing_recorded_has_no_percentiles_rather_than_zero()
    {
        var distribution = new LatencyDistribution();

        double.IsNaN(distribution.PercentileMs(99)).ShouldBeTrue();
        double.IsNaN(distribution.MaxMs).ShouldBeTrue();
    }
}
