using OrderSync.Benchmark.Measurement;

namespace OrderSync.UnitTests.Benchmark;

public sealed class LatencyStagesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_part_of_the_way_is_the_time_between_its_two_points()
    {
        var stages = LatencyStages.Of([Timeline(0, intake: 2, saga: 5, operation: 4, result: 3)]);

        stages.Stages.Select(s => s.Name).ShouldBe(["to the intake", "intake to Walmart operation", "Walmart operation", "outcome to result"]);
        stages.Stages.Select(s => s.Latency.PercentileMs(50)).ShouldBe([2, 5, 4, 3], tolerance: 0.01);
    }

    [Fact]
    public void The_slowest_one_percent_shows_the_part_their_time_was_lost_in()
    {
        var timelines = Enumerable.Range(0, 990).Select(i => Timeline(i, intake: 2, saga: 5, operation: 4, result: 3))
            .Concat(Enumerable.Range(990, 10).Select(i => Timeline(i, intake: 2, saga: 80, operation: 4, result: 3)))
            .ToList();

        var stages = LatencyStages.Of(timelines);

        stages.SlowestEvents.ShouldBe(10);
        stages.Stages.Select(s => s.SlowestMeanMs).ShouldBe([2, 80, 4, 3], tolerance: 0.01);
        stages.Stages[1].Latency.PercentileMs(50).ShouldBe(5, tolerance: 0.01);
    }

    private static EventTimeline Timeline(int second, double intake, double saga, double operation, double result)
    {
        var published = Start.AddSeconds(second);
        var numbered = published.AddMilliseconds(intake);
        var began = numbered.AddMilliseconds(saga);
        var ended = began.AddMilliseconds(operation);
        return new EventTimeline(published, numbered, began, ended, ended.AddMilliseconds(result));
    }
}
