namespace OrderSync.Benchmark.Measurement;

/// <summary>How many things happened in each whole second after a start.</summary>
public sealed class ThroughputTimeline
{
    private ThroughputTimeline(IReadOnlyList<int> perSecond) => PerSecond = perSecond;

    public IReadOnlyList<int> PerSecond { get; }

    public static ThroughputTimeline Of(IEnumerable<DateTimeOffset> moments, DateTimeOffset start, DateTimeOffset? end = null)
    {
        var seconds = moments.Select(moment => (int)Math.Floor((moment - start).TotalSeconds)).Where(second => second >= 0).ToList();
        var length = Math.Max(seconds.Count == 0 ? 0 : seconds.Max() + 1, end is { } last ? (int)Math.Ceiling((last - start).TotalSeconds) : 0);
        var buckets = new int[length];
        foreach (var second in seconds)
        {
            buckets[second]++;
        }

        return new ThroughputTimeline(buckets);
    }
}
