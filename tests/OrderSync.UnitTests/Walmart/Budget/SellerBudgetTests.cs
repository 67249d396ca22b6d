using OrderSync.Walmart.Budget;

namespace OrderSync.UnitTests.Walmart.Budget;

public sealed class SellerBudgetTests
{
    private static readonly DateTimeOffset Start = BudgetSimulation.Epoch;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // The defaults of Walmart:RateLimits: reads 300 a minute, burst 50; shipping 60 a minute, burst 10.
    private static readonly (int, int) DefaultReads = (300, 50);
    private static readonly (int, int) ShippingAsReads = (300, 50);

    [Fact]
    public void The_configured_limit_is_the_ceiling_with_one_token_of_the_burst_in_reserve()
    {
        var budget = new SellerBudget(permitsPerMinute: 60, burst: 3, Start);

        budget.TryTake(Start).ShouldBeNull();
        budget.Answered(Start, throttled: false, tokenCount: null, replenishAt: null);
        budget.TryTake(Start).ShouldBeNull();
        budget.Answered(Start, throttled: false, tokenCount: null, replenishAt: null);

        budget.TryTake(Start).ShouldBe(Second);
        budget.TryTake(Start + Second).ShouldBeNull();
    }

    [Fact]
    public void Until_walmart_first_answers_one_call_finds_out_its_bucket_before_others_follow()
    {
        var budget = new SellerBudget(300, 50, Start);

        budget.TryTake(Start).ShouldBeNull();
        budget.TryTake(Start).ShouldNotBeNull();

        budget.Answered(Start, throttled: false, tokenCount: 1, replenishAt: Start + Second);
        budget.TryTake(Start).ShouldBeNull("Walmart said one token is left");
        budget.TryTake(Start).ShouldNotBeNull("the call in flight takes Walmart's last token");
    }

    [Fact]
    public void An_empty_bucket_at_walmart_holds_every_call_until_its_replenish_time_then_paces_them_at_the_learnt_rate()
    {
        var budget = new SellerBudget(300, 50, Start);
        var replenish = Start + TimeSpan.FromMilliseconds(700);
        budget.TryTake(Start).ShouldBeNull();
        budget.Answered(Start, throttled: false, tokenCount: 0, replenishAt: replenish);

        budget.TryTake(Start).ShouldBe(TimeSpan.FromMilliseconds(700));
        var oneToken = TimeSpan.FromSeconds(1 / budget.Rate);
        budget.TryTake(replenish).ShouldBe(oneToken);
        budget.TryTake(replenish + oneToken).ShouldBeNull();
        budget.TryTake(replenish + oneToken).ShouldNotBeNull("the calls held together go out spaced, not as a burst");
    }

    [Fact]
    public void A_429_cuts_the_rate_once_for_the_calls_that_were_in_flight_together_and_waits_for_the_replenish_time()
    {
        var budget = new SellerBudget(60, 10, Start);
        for (var call = 0; call < 3; call++)
        {
            budget.TryTake(Start + TimeSpan.FromMilliseconds(call));
        }

        var replenish = Start + TimeSpan.FromMilliseconds(400);
        budget.Answered(Start + TimeSpan.FromMilliseconds(10), throttled: true, tokenCount: 0, replenishAt: replenish);
        budget.Answered(Start + TimeSpan.FromMilliseconds(11), throttled: true, tokenCount: 0, replenishAt: replenish);

        budget.Rate.ShouldBe(0.7, tolerance: 1e-9);
        budget.TryTake(Start + TimeSpan.FromMilliseconds(20)).ShouldBe(TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public void Without_walmarts_headers_a_429_still_cuts_and_quiet_regains_slowly()
    {
        var budget = new SellerBudget(60, 2, Start);
        budget.TryTake(Start).ShouldBeNull();
        budget.Answered(Start, throttled: true, tokenCount: null, replenishAt: null);
        budget.Rate.ShouldBe(0.7, tolerance: 1e-9);

        for (var call = 1; call <= 30; call++)
        {
            var now = Start + (3 * Second * call);
            budget.TryTake(now).ShouldBeNull($"call {call}");
            budget.TryTake(now).ShouldNotBeNull("a caller waits: the rate is what holds it back");
            budget.Answered(now, throttled: false, tokenCount: null, replenishAt: null);
        }

        budget.Rate.ShouldBeGreaterThan(0.7);
        budget.Rate.ShouldBeLessThanOrEqualTo(1.0);
    }

    [Fact]
    public void A_seller_granted_four_calls_a_second_across_endpoints_gets_most_of_them_and_few_429s()
    {
        var walmart = new WalmartBucketModel(capacity: 4, refillEvery: TimeSpan.FromMilliseconds(250), Start);
        var lane = new BudgetSimulation(DefaultReads, ShippingAsReads, walmart);

        lane.RunFor(TimeSpan.FromSeconds(100));

        var used = lane.CallsPerSecond(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(100)) / 4;
        var throttledPer100 = 100.0 * lane.Throttled(TimeSpan.Zero, TimeSpan.FromSeconds(100)) / lane.Calls(TimeSpan.Zero, TimeSpan.FromSeconds(100));
        used.ShouldBeGreaterThanOrEqualTo(0.8, $"{throttledPer100:0.0} 429s per 100 calls");
        throttledPer100.ShouldBeLessThanOrEqualTo(2, $"used {used:P0}");
    }

    [Fact]
    public void A_seller_granted_less_on_each_endpoint_converges_on_it_within_seconds()
    {
        var reads = new WalmartBucketModel(capacity: 5, refillEvery: TimeSpan.FromMilliseconds(500), Start);
        var ships = new WalmartBucketModel(capacity: 2, refillEvery: TimeSpan.FromMilliseconds(1000), Start);
        var lane = new BudgetSimulation(DefaultReads, (60, 10), reads, shipOwn: ships);

        lane.RunFor(TimeSpan.FromSeconds(60));

        var throttled = lane.Throttled(TimeSpan.Zero, TimeSpan.FromSeconds(60));
        lane.CallsPerSecond(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)).ShouldBeGreaterThanOrEqualTo(0.8 * 2, $"{throttled} 429s");
        (100.0 * throttled / lane.Calls(TimeSpan.Zero, TimeSpan.FromSeconds(60))).ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void When_walmart_grants_more_again_the_rate_rises_to_it_within_a_minute()
    {
        var walmart = new WalmartBucketModel(capacity: 4, refillEvery: TimeSpan.FromMilliseconds(500), Start);
        var lane = new BudgetSimulation(DefaultReads, ShippingAsReads, walmart);
        lane.RunFor(TimeSpan.FromSeconds(30));
        lane.CallsPerSecond(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)).ShouldBeLessThanOrEqualTo(2.4, "2 a second and a bucket of 4");

        walmart.RefillEvery = TimeSpan.FromMilliseconds(125);
        lane.RunFor(TimeSpan.FromSeconds(60));

        lane.CallsPerSecond(TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(90)).ShouldBeGreaterThanOrEqualTo(0.8 * 8);
    }

    [Fact]
    public void Learning_a_grant_far_below_the_configured_limit_costs_a_few_429s_in_the_first_seconds_and_none_after()
    {
        var walmart = new WalmartBucketModel(capacity: 2, refillEvery: TimeSpan.FromMilliseconds(500), Start);
        var lane = new BudgetSimulation(DefaultReads, ShippingAsReads, walmart);

        lane.RunFor(TimeSpan.FromSeconds(60));

        lane.Throttled(TimeSpan.Zero, TimeSpan.FromSeconds(5)).ShouldBeLessThanOrEqualTo(8);
        lane.Throttled(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)).ShouldBeLessThanOrEqualTo(2);
        lane.CallsPerSecond(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)).ShouldBeGreaterThanOrEqualTo(0.8 * 2);
    }
}
