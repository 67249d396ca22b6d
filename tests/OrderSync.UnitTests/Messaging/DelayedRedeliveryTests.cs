using Microsoft.Extensions.Options;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Messaging.Redelivery;

namespace OrderSync.UnitTests.Messaging;

public sealed class DelayedRedeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly DelayedRedelivery _redelivery = new(
        Options.Create(new WorkerOptions
        {
            RedeliveryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)],
            RedeliveryHorizon = TimeSpan.FromHours(1),
        }),
        new FixedClock(Now));

    [Fact]
    public void Failures_back_off_through_the_tiers_and_stay_on_the_last()
    {
        _redelivery.Plan(0, null, null, 0)!.Tier.ShouldBe(TimeSpan.FromSeconds(5));
        _redelivery.Plan(1, Now, null, 0)!.Tier.ShouldBe(TimeSpan.FromSeconds(30));
        _redelivery.Plan(2, Now, null, 0)!.Tier.ShouldBe(TimeSpan.FromMinutes(2));
        _redelivery.Plan(9, Now, null, 0)!.Tier.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void A_failure_counts_and_its_wait_varies_by_at_most_a_fifth_above_the_tier()
    {
        var low = _redelivery.Plan(1, Now, null, 0)!;
        var high = _redelivery.Plan(1, Now, null, 0.999)!;

        low.Count.ShouldBe(2);
        low.TimeToLive.ShouldBe(TimeSpan.FromSeconds(30));
        high.TimeToLive.ShouldBeInRange(TimeSpan.FromSeconds(35.9), TimeSpan.FromSeconds(36));
    }

    [Fact]
    public void A_throttle_waits_until_the_replenish_time_and_does_not_count()
    {
        var plan = _redelivery.Plan(1, Now.AddMinutes(-1), Now.AddSeconds(12), 0.5)!;

        plan.Count.ShouldBe(1);
        plan.Tier.ShouldBe(TimeSpan.FromSeconds(30));
        plan.TimeToLive.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Past_the_horizon_the_message_is_given_up()
    {
        _redelivery.Plan(5, Now.AddHours(-1), null, 0).ShouldBeNull();
        _redelivery.Plan(5, Now.AddMinutes(-59), null, 0).ShouldNotBeNull();
    }

    [Fact]
    public void A_first_failure_starts_the_horizon_now()
    {
        _redelivery.Plan(0, null, null, 0)!.FirstFailure.ShouldBe(Now);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
