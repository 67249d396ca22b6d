using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart.Sandbox.Gateway;

public sealed class SandboxThrottle(IOptions<SandboxOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(string Seller, SandboxOperation Operation), SandboxTokenBucket> buckets = new();

    public ThrottleDecision? Check(string seller, SandboxOperation operation)
    {
        var throttle = options.Value.Throttle;
        if (!throttle.Enabled)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var bucket = buckets.GetOrAdd((seller.ToUpperInvariant(), operation), _ =>
        {
            var limit = throttle.For(operation);
            return new SandboxTokenBucket(limit.Capacity, limit.RefillEvery, now);
        });
        return bucket.TryTake(now);
    }

    public void Clear() => buckets.Clear();
}
