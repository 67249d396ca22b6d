using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart;

/// <summary>
/// One token bucket per seller and endpoint, mirroring how Walmart meters calls. Walmart's seller is the account the credentials
/// belong to: Commerce store views that share one account share its buckets.
/// </summary>
internal sealed class WalmartRateLimiter : IDisposable
{
    private const int MaxQueuedCalls = 10_000;

    private readonly WalmartRateLimitOptions settings;
    private readonly Dictionary<string, WalmartSellerOptions> sellers;
    private readonly PartitionedRateLimiter<(string Account, RateLimitedEndpoint Endpoint)> limiter;

    public WalmartRateLimiter(IOptions<WalmartOptions> options)
    {
        settings = options.Value.RateLimits;
        sellers = options.Value.Sellers;
        limiter = PartitionedRateLimiter.Create<(string Account, RateLimitedEndpoint Endpoint), (string, RateLimitedEndpoint)>(
            key => settings.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter(key, _ => BucketOptions(key.Endpoint))
                : RateLimitPartition.GetNoLimiter(key));
    }

    /// <summary>Waits for a permit up to MaxWait; null when none came in time.</summary>
    public async ValueTask<RateLimitLease?> AcquireAsync(string storeCode, RateLimitedEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(settings.MaxWait);
        try
        {
            var lease = await limiter.AcquireAsync((AccountOf(storeCode), endpoint), 1, wait.Token);
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

    private string AccountOf(string storeCode) =>
        sellers.TryGetValue(storeCode, out var seller) && !string.IsNullOrWhiteSpace(seller.ClientId)
            ? "client " + seller.ClientId
            : "store " + storeCode.ToUpperInvariant();

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
