namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>One order of a scenario's load: what the sandbox holds, what Commerce sends, and how the order must end.</summary>
/// <param name="Skus">The Walmart lines, one unit each, numbered from 1.</param>
/// <param name="Shipped">Units that must end shipped, by SKU; the rest of the lines must end cancelled when <paramref name="FinalStatus"/> is Canceled, else open.</param>
/// <param name="TrackingNumbers">The tracking numbers Walmart must show, one per shipped unit.</param>
public sealed record PlannedOrder(
    string PurchaseOrderId,
    string Store,
    OrderScript Script,
    IReadOnlyList<string> Skus,
    IReadOnlyList<PlannedEvent> Events,
    string FinalStatus,
    IReadOnlyDictionary<string, int> Shipped,
    IReadOnlyList<string> TrackingNumbers)
{
    public const string CancellationReason = "SELLER_CANCEL_OUT_OF_STOCK";

    public bool IsCancelled => FinalStatus == "Canceled";
}
