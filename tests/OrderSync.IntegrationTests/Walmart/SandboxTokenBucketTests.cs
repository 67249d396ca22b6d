using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>The sandbox's bucket on a made-up clock, where refill exactness can be counted.</summary>
public sealed class SandboxTokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(250, 100, 100, 400)]
    [InlineData(2000, 300, 60, 30)]
    public void Refills_keep_the_exact_rate_however_the_calls_fall(int refillMs, int callEveryMs, int seconds, int granted)
    {
        var bucket = Drained(4, TimeSpan.FromMilliseconds(refillMs));

        var allowed = 0;
        for (var at = callEveryMs; at <= seconds * 1000; at += callEveryMs)
        {
            allowed += bucket.TryTake(Start.AddMilliseconds(at)).Allowed ? 1 : 0;
        }

        allowed.ShouldBe(granted);
    }

    [Fact]
    public void The_next_replenish_time_is_the_next_refill()
    {
        var bucket = Drained(4, TimeSpan.FromMilliseconds(250));

        bucket.TryTake(Start.AddMilliseconds(100)).ShouldBe(new ThrottleDecision(false, 0, Start.AddMilliseconds(250)));
        bucket.TryTake(Start.AddMilliseconds(600)).ShouldBe(new ThrottleDecision(true, 1, Start.AddMilliseconds(750)), "tokens came back at 250 and 500 ms");
    }

    [Fact]
    public void A_retune_keeps_the_count_and_the_part_of_a_token_already_earned()
    {
        var bucket = Drained(2, TimeSpan.FromSeconds(2));

        bucket.Retune(8, TimeSpan.FromMilliseconds(250), Start.AddSeconds(1));

        bucket.TryTake(Start.AddSeconds(1)).ShouldBe(new ThrottleDecision(false, 0, Start.AddMilliseconds(1125)), "half a token earned at the old rate");
        var allowed = Enumerable.Range(1, 1000).Count(ms => bucket.TryTake(Start.AddSeconds(1).AddMilliseconds(ms)).Allowed);
        allowed.ShouldBe(4);
    }

    private static SandboxTokenBucket Drained(int capacity, TimeSpan refillEvery)
    {
        var bucket = new SandboxTokenBucket(capacity, refillEvery, Start);
        for (var take = 0; take < capacity; take++)
        {
            bucket.TryTake(Start).Allowed.ShouldBeTrue();
        }

        return bucket;
    }
}
