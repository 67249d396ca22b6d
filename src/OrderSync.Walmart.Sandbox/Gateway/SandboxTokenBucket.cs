namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>
/// Written out rather than taken from System.Threading.RateLimiting because Walmart's 429 headers need
/// the bucket's count and the moment of its next refill, which the framework's limiters do not expose.
/// </summary>
public sealed class SandboxTokenBucket(int capacity, TimeSpan refillEvery, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private readonly int capacity = capacity;
    private int tokens = capacity;
    private DateTimeOffset lastRefill = now;

    public ThrottleDecision TryTake(DateTimeOffset now)
    {
        lock (gate)
        {
            if (refillEvery > TimeSpan.Zero && now > lastRefill)
            {
                var periods = (int)Math.Min(capacity, (now - lastRefill) / refillEvery);
                if (tokens + periods >= capacity)
                {
                    tokens = capacity;
                    lastRefill = now;
                }
                else
                {
                    tokens += periods;
                    lastRefill += refillEvery * periods;
                }
            }

            var allowed = tokens > 0;
            if (allowed)
            {
                tokens--;
            }

            return new ThrottleDecision(allowed, tokens, lastRefill + refillEvery);
        }
    }
}
