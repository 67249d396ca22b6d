namespace OrderSync.Walmart.Sandbox.Orders;

public static class LineStatuses
{
    public const string Created = "Created";
    public const string Acknowledged = "Acknowledged";
    public const string Shipped = "Shipped";
    public const string Delivered = "Delivered";
    public const string Cancelled = "Cancelled";
    public const string Refund = "Refund";

    public static readonly IReadOnlyList<string> All = [Created, Acknowledged, Shipped, Delivered, Cancelled, Refund];
}
