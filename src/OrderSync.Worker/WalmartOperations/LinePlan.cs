namespace OrderSync.Worker.WalmartOperations;

/// <summary>The lines an operation will act on, or why it cannot act (a fault of the Commerce event, not of Walmart).</summary>
public sealed record LinePlan(IReadOnlyList<PlannedLine> Lines, string? Refusal)
{
    public static LinePlan Refused(string reason) => new([], reason);
}
