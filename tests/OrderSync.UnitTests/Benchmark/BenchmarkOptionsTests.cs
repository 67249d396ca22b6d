using OrderSync.Benchmark;

namespace OrderSync.UnitTests.Benchmark;

public sealed class BenchmarkOptionsTests
{
    [Fact]
    public void A_full_run_measures_a_minute_at_100_a_second_after_a_15_second_warm_up()
    {
        var options = BenchmarkOptions.Parse([]);

        options.Scenarios.ShouldBe(Enum.GetValues<ScenarioKind>());
        options.ThroughputEvents.ShouldBe(10_000);
        options.SteadyRate.ShouldBe(100);
        options.SteadySeconds.ShouldBe(60);
        options.SteadyWarmUpSeconds.ShouldBe(15);
        options.BacklogEvents.ShouldBe(100_000);
    }

    [Fact]
    public void Quick_scales_every_scenario_down_but_the_warm_up_and_an_explicit_value_wins()
    {
        BenchmarkOptions.Parse(["--quick"]).SteadyWarmUpSeconds.ShouldBe(15);

        var options = BenchmarkOptions.Parse(["--quick", "--steady-warm-up", "7", "--scenarios", "steady,backlog"]);

        options.SteadySeconds.ShouldBe(20);
        options.SteadyWarmUpSeconds.ShouldBe(7);
        options.BacklogEvents.ShouldBe(10_000);
        options.Scenarios.ShouldBe([ScenarioKind.Steady, ScenarioKind.Backlog]);
    }

    [Theory]
    [InlineData("--steady-warm-up", "0")]
    [InlineData("--steady-seconds", "many")]
    [InlineData("--scenarios", "latency")]
    [InlineData("--no-such-option", "1")]
    public void A_wrong_option_is_refused(string name, string value)
    {
        Should.Throw<ArgumentException>(() => BenchmarkOptions.Parse([name, value]));
    }
}
