namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>The sync result that proves an event arrived: its type, and the shipment and tracking number it must name.</summary>
public sealed record ExpectedResult(string Type, string? ShipmentId = null, string? TrackingNumber = null)
{
    public const string ShipmentSynced = "walmart.order.shipment.synced";
    public const string CancellationSynced = "walmart.order.cancellation.synced";
    public const string SyncFailed = "walmart.order.sync.failed";

    public override string ToString() => $"{Type}{(ShipmentId is null ? string.Empty : " " + ShipmentId)}{(TrackingNumber is null ? string.Empty : " " + TrackingNumber)}";
}
