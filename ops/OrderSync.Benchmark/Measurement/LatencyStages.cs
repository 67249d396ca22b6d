namespace OrderSync.Benchmark.Measurement;

/// <summary>
/// Splits the events' latency into the four parts of their way, and says which parts the slowest events lost their time in:
/// the question a missed p99 asks.
/// </summary>
public sealed record LatencyStages(IReadOnlyList<LatencyStage> Stages, int Events, int SlowestEvents)
{
    private const double SlowestShare = 0.01;

    private static readonly (string Name, string Covers, Func<EventTimeline, TimeSpan> Of)[] Parts =
    [
        ("to the intake", "the broker, waiting in the intake queue, reading and numbering the event", e => e.NumberedByIntake - e.Published),
        ("intake to Walmart operation", "the hop to the saga, its transaction, the command's hop, the operation's lock", e => e.OperationBegan - e.NumberedByIntake),
        ("Walmart operation", "reading the order, saving the plan, the call that changes it, storing the outcome", e => e.OperationEnded - e.OperationBegan),
        ("outcome to result", "the outcome's hop to the saga, its transaction, the result's way to Commerce", e => e.ResultReceived - e.OperationEnded),
    ];

    public static LatencyStages Of(IReadOnlyList<EventTimeline> timelines)
    {
        var slowest = timelines.OrderByDescending(t => t.Total).Take((int)Math.Ceiling(timelines.Count * SlowestShare)).ToList();
        var stages = Parts
            .Select(part => new LatencyStage(
                part.Name,
                part.Covers,
                LatencyDistribution.Of(timelines.Select(part.Of)),
                slowest.Count == 0 ? double.NaN : slowest.Average(t => part.Of(t).TotalMilliseconds)))
            .ToList();
        return new LatencyStages(stages, timelines.Count, slowest.Count);
    }
}
