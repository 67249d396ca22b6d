using OrderSync.UnitTests.Walmart.Budget;
using OrderSync.Walmart.Budget;

namespace OrderSync.UnitTests.Reconciliation;

/// <summary>Reconciling takes only the tokens a seller's budget can spare: half the bucket stays for shipments and cancellations.</summary>
public sealed class SpareBudgetTests
{
    private static readonly DateTimeOffset Start = BudgetSimulation.Epoch;

    [Fact]
    public void Spare_tokens_stop_at_half_the_bucket_while_calls_in_line_take_the_rest()
    {
        // A bucket of 10 (burst 11, one kept against clock skew), refilled at one token a second.
        var budget = new SellerBudget(permitsPerMinute: 60, burst: 11, Start);
        budget.TryTake(Start).ShouldBeNull();
        budget.Answered(Start, throttled: false, tokenCount: null, replenishAt: null);

        var spared = 0;
        while (budget.TryTakeSpare(Start) is null)
        {
            budget.Answered(Start, throttled: false, tokenCount: null, replenishAt: null);
            spared++;
        }

        spared.ShouldBe(4, "9 tokens were left, and 5 stay for calls that cannot wait");
        for (var taken = 0; taken < 5; taken++)
        {
            budget.TryTake(Start).ShouldBeNull("a shipment still finds the half kept for it");
            budget.Answered(Start, throttled: false, tokenCount: null, replenishAt: null);
        }

        budget.TryTakeSpare(Start).ShouldBe(TimeSpan.FromSeconds(6), "a spare token waits until the bucket holds its kept half again");
    }

    [Fact]
    public void Walmarts_hold_stops_spare_calls_too()
    {
        var budget = new SellerBudget(permitsPerMinute: 300, burst: 50, Start);
        budget.TryTake(Start).ShouldBeNull();
        budget.Answered(Start, throttled: true, tokenCount: 0, replenishAt: Start.AddSeconds(5));

        budget.TryTakeSpare(Start.AddSeconds(1)).ShouldBe(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void A_bucket_of_one_token_still_spares_it_when_it_is_there()
    {
        var budget = new SellerBudget(permitsPerMinute: 60, burst: 2, Start);

        budget.TryTakeSpare(Start).ShouldBeNull();
    }
}
