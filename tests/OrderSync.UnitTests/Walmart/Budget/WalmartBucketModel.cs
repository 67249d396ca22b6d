namespace OrderSync.UnitTests.Walmart.Budget;

/// <summary>Walmart's side in the simulations: a token bucket refilled one token a period, as the sandbox keeps it.</summary>
internal sealed class WalmartBucketModel(int capacity, TimeSpan refillEvery, DateTimeOffset now)
{
    private readonly int size = capacity;
    private int tokens = capacity;
    private DateTimeOffset lastRefill = now;

    public TimeSpan RefillEvery { get; set; } = refillEvery;

    public (bool Allowed, int Count, DateTimeOffset ReplenishAt) Take(DateTimeOffset now)
    {
        var periods = (int)Math.Min(size, (now - lastRefill) / RefillEvery);
        if (tokens + periods >= size)
        {
            tokens = size;
            lastRefill = now;
        }
        else
        {
            tokens += periods;
            lastRefill += RefillEvery * periods;
        }

        var allowed = tokens > 0;
        if (allowed)
        {
            tokens--;
        }

        return (allowed, tokens, lastRefill + RefillEvery);
    }
}
