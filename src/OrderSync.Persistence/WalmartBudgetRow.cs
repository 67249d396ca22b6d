namespace OrderSync.Persistence;

public sealed record WalmartBudgetRow
{
    /// <summary>The Walmart account, named by its first store code.</summary>
    public required string Seller { get; init; }

    public required string Endpoint { get; init; }

    public required string[] StoreCodes { get; init; }

    public double LearntPerMinute { get; init; }

    public double CeilingPerMinute { get; init; }

    /// <summary>Calls waiting for the budget in the instance that reported it.</summary>
    public int Waiting { get; init; }

    public DateTimeOffset? HeldUntil { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
