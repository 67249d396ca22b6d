using OrderSync.Benchmark.Infrastructure;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Walmart API calls the sandbox received during a measured span.</summary>
/// <param name="ByOperation">Null when the sandbox's call log (its newest 50,000) no longer holds the whole span.</param>
public sealed record WalmartCallCounts(long Total, IReadOnlyDictionary<string, long>? ByOperation, long? Throttled)
{
    public static WalmartCallCounts Since(IReadOnlyList<SandboxCall> calls, long lastSequenceBefore)
    {
        var total = calls.Count == 0 ? 0 : Math.Max(0, calls[^1].Sequence - lastSequenceBefore);
        var span = calls.Where(call => call.Sequence > lastSequenceBefore).ToList();
        if (span.Count < total)
        {
            return new WalmartCallCounts(total, null, null);
        }

        return new WalmartCallCounts(
            total,
            span.GroupBy(call => call.Operation ?? "other").ToDictionary(group => group.Key, group => (long)group.Count()),
            span.Count(call => call.IsThrottled));
    }
}
