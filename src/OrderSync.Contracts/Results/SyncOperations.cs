namespace OrderSync.Contracts.Results;

/// <summary>The <c>operation</c> of a failed sync: docs/interface.md section 2.4.</summary>
public static class SyncOperations
{
    public const string Shipment = "shipment";
    public const string TrackingUpdate = "tracking-update";
    public const string Cancellation = "cancellation";
}
