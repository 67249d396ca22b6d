using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart;

/// <summary>One token bucket per seller and endpoint, mirroring how Walmart meters calls.</summary>
internal sealed class WalmartRateLimiter : IDisposable
{
    private const int MaxQueuedCalls = 10_000;

    private readonly WalmartRateLimitOptions settings;
    private readonly PartitionedRateLimiter<(string StoreCode, RateLimitedEndpoint Endpoint)> limiter;

    public WalmartRateLimiter(IOptions<WalmartOptions> options)
    {
        settings = options.Value.RateLimits;
        limiter = PartitionedRateLimiter.Create<(string StoreCode, RateLimitedEndpoint Endpoint), (string, RateLimitedEndpoint)>(
            key => settings.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter((key.StoreCode.ToUpperInvariant(), key.Endpoint), _ => BucketOptions(key.Endpoint))
                : RateLimitPartition.GetNoLimiter((key.StoreCode, key.Endpoint)));
    }

    /// <summary>Waits for a permit up to MaxWait; null when none came in time.</summary>
    public async ValueTask<RateLimitLease?> AcquireAsync(string storeCode, RateLimitedEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(settings.MaxWait);
        try
        {
            var lease = await limiter.AcquireAsync((storeCode, endpoint), 1, wait.Token);
            if (lease.IsAcquired)
            {
                return lease;
            }

            lease.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public TimeSpan ReplenishmentPeriod(RateLimitedEndpoint endpoint) => BucketOptions(endpoint).ReplenishmentPeriod;

    public void Dispose() => limiter.Dispose();

    private TokenBucketRateLimiterOptions BucketOptions(RateLimitedEndpoint endpoint)
    {
        var limit = endpoint switch
        {
            RateLimitedEndpoint.GetOrder => settings.GetOrder,
            RateLimitedEndpoint.Shipping => settings.Shipping,
            RateLimitedEndpoint.Cancel => settings.Cancel,
            _ => settings.Acknowledge,
        };

        // One token short of Walmart's burst: our bucket refills on our clock and Walmart's on its own, so with equal buckets a
        // token can appear here a moment before Walmart has it back, and the call gets a 429. The spare token absorbs that.
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limit.Burst - 1),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limit.PermitsPerMinute,
            QueueLimit = MaxQueuedCalls,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }
}
