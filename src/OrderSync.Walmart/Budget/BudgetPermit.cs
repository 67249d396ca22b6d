namespace OrderSync.Walmart.Budget;

/// <summary>One call's token from its seller's budget. The call's answer is reported back; a permit disposed without one counts as unanswered.</summary>
internal sealed class BudgetPermit(WalmartBudgets budgets, BudgetKey key) : IDisposable
{
    private bool settled;

    public void Answered(int httpStatus, int? tokenCount, DateTimeOffset? replenishAt)
    {
        if (!settled)
        {
            settled = true;
            budgets.Answered(key, httpStatus, tokenCount, replenishAt);
        }
    }

    public void Dispose()
    {
        if (!settled)
        {
            settled = true;
            budgets.Unanswered(key);
        }
    }
}

internal readonly record struct BudgetKey(string Seller, RateLimitedEndpoint Endpoint);
