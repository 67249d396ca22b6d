namespace OrderSync.Contracts.Results;

/// <summary>Channel Manager's words for an order's sync status.</summary>
public static class OrderStatuses
{
    public const string Shipped = "Shipped";
    public const string PartiallyShipped = "Partially Shipped";
    public const string Canceled = "Canceled";
    public const string Error = "Error";

    /// <summary>What the operator's views show while nothing of the order has reached Walmart yet; never published.</summary>
    public const string Pending = "Pending";

    /// <summary>Every status an order can be listed in, in the order the operator's views show them.</summary>
    public static readonly IReadOnlyList<string> Listed = [Error, Pending, PartiallyShipped, Shipped, Canceled];
}
