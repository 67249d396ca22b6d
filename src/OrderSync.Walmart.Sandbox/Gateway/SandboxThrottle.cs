using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>
/// Walmart's token buckets: per seller and endpoint from Sandbox:Throttle when enabled, and per seller
/// from limits set at run time through the admin API, which apply even when Sandbox:Throttle is off.
/// </summary>
public sealed class SandboxThrottle(IOptions<SandboxOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(string Seller, SandboxOperation Operation), SandboxTokenBucket> buckets = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, SellerBuckets> sellers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The bucket's answer, or null when no bucket limits this seller's calls to the endpoint.</summary>
    public ThrottleDecision? Check(string seller, SandboxOperation operation)
    {
        var now = timeProvider.GetUtcNow();
        SandboxTokenBucket? sellerBucket;
        lock (gate)
        {
            sellerBucket = sellers.TryGetValue(seller, out var limited) ? limited.For(operation, now) : null;
        }

        if (sellerBucket is not null)
        {
            return sellerBucket.TryTake(now);
        }

        var throttle = options.Value.Throttle;
        if (!throttle.Enabled)
        {
            return null;
        }

        var bucket = buckets.GetOrAdd((seller.ToUpperInvariant(), operation), _ =>
        {
            var limit = throttle.For(operation);
            return new SandboxTokenBucket(limit.Capacity, limit.RefillEvery, now);
        });
        return bucket.TryTake(now);
    }

    public void SetLimit(SellerLimit limit)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (sellers.TryGetValue(limit.Seller, out var limited))
            {
                limited.Change(limit, now);
            }
            else
            {
                sellers[limit.Seller] = new SellerBuckets(limit);
            }
        }
    }

    public bool RemoveLimit(string seller)
    {
        lock (gate)
        {
            return sellers.Remove(seller);
        }
    }

    public IReadOnlyList<SellerLimit> Limits()
    {
        lock (gate)
        {
            return [.. sellers.Values.Select(limited => limited.Limit).OrderBy(limit => limit.Seller, StringComparer.OrdinalIgnoreCase)];
        }
    }

    public void Clear()
    {
        buckets.Clear();
        lock (gate)
        {
            sellers.Clear();
        }
    }
}
