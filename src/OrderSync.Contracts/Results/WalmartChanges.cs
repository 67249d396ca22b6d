namespace OrderSync.Contracts.Results;

/// <summary>The <c>change</c> of a line in <c>walmart.order.changed-on-walmart</c>: docs/interface.md section 2.4.</summary>
public static class WalmartChanges
{
    public const string Cancelled = "cancelled-on-walmart";
    public const string Shipped = "shipped-on-walmart";
    public const string TrackingChanged = "tracking-changed-on-walmart";

    public static readonly IReadOnlyList<string> All = [Cancelled, Shipped, TrackingChanged];
}
