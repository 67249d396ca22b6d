namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>
/// Written out rather than taken from System.Threading.RateLimiting because Walmart's headers need
/// the bucket's count and the moment of its next refill, which the framework's limiters do not expose.
/// </summary>
public sealed class SandboxTokenBucket(int capacity, TimeSpan refillEvery, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private int capacity = capacity;
    private TimeSpan refillEvery = refillEvery;
    private int tokens = capacity;
    private DateTimeOffset lastRefill = now;

    public ThrottleDecision TryTake(DateTimeOffset now)
    {
        lock (gate)
        {
            Refill(now);
            var allowed = tokens > 0;
            if (allowed)
            {
                tokens--;
            }

            return new ThrottleDecision(allowed, tokens, lastRefill + refillEvery);
        }
    }

    public int TokensAt(DateTimeOffset now)
    {
        lock (gate)
        {
            Refill(now);
            return tokens;
        }
    }

    /// <summary>
    /// New limits from now on: the tokens left stay (up to the new capacity), and so does the part of the next
    /// token already earned, so the change neither refills the bucket nor delays its next token beyond the new rate.
    /// </summary>
    public void Retune(int newCapacity, TimeSpan newRefillEvery, DateTimeOffset now)
    {
        lock (gate)
        {
            Refill(now);
            var earned = refillEvery > TimeSpan.Zero && tokens < capacity ? Math.Clamp((now - lastRefill) / refillEvery, 0, 1) : 0;
            capacity = newCapacity;
            refillEvery = newRefillEvery;
            tokens = Math.Min(tokens, capacity);
            lastRefill = tokens < capacity ? now - (newRefillEvery * earned) : now;
        }
    }

    public SandboxTokenBucket Copy()
    {
        lock (gate)
        {
            var left = tokens;
            return new SandboxTokenBucket(capacity, refillEvery, lastRefill) { tokens = left };
        }
    }

    /// <summary>Carries lastRefill forward by whole periods, so that refills never drift from the rate.</summary>
    private void Refill(DateTimeOffset now)
    {
        if (refillEvery <= TimeSpan.Zero || now <= lastRefill)
        {
            return;
        }

        var periods = (int)Math.Min(capacity, (now - lastRefill) / refillEvery);
        if ((long)tokens + periods >= capacity)
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
}
