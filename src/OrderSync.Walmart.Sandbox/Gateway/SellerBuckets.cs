namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>The buckets of one seller under its admin-set limit. Not thread-safe: SandboxThrottle locks around it.</summary>
internal sealed class SellerBuckets(SellerLimit limit)
{
    private static readonly SandboxOperation[] Endpoints =
        [SandboxOperation.GetOrder, SandboxOperation.Shipping, SandboxOperation.Cancel, SandboxOperation.Acknowledge];

    private readonly Dictionary<SandboxOperation, SandboxTokenBucket> perEndpoint = [];
    private SandboxTokenBucket? shared;

    public SellerLimit Limit { get; private set; } = limit;

    public SandboxTokenBucket For(SandboxOperation operation, DateTimeOffset now)
    {
        if (Limit.Scope == ThrottleScope.Seller)
        {
            return shared ??= NewBucket(now);
        }

        if (!perEndpoint.TryGetValue(operation, out var bucket))
        {
            perEndpoint[operation] = bucket = NewBucket(now);
        }

        return bucket;
    }

    /// <summary>A change of scope carries the tokens over too, so that it never hands out more than were left.</summary>
    public void Change(SellerLimit limit, DateTimeOffset now)
    {
        if (limit.Scope != Limit.Scope)
        {
            if (limit.Scope == ThrottleScope.Endpoint && shared is not null)
            {
                foreach (var endpoint in Endpoints)
                {
                    perEndpoint[endpoint] = shared.Copy();
                }

                shared = null;
            }
            else if (limit.Scope == ThrottleScope.Seller && perEndpoint.Count > 0)
            {
                shared = perEndpoint.Values.MinBy(bucket => bucket.TokensAt(now));
                perEndpoint.Clear();
            }
        }

        Limit = limit;
        foreach (var bucket in perEndpoint.Values.Append(shared).OfType<SandboxTokenBucket>())
        {
            bucket.Retune(limit.Capacity, limit.RefillEvery, now);
        }
    }

    private SandboxTokenBucket NewBucket(DateTimeOffset now) => new(Limit.Capacity, Limit.RefillEvery, now);
}
