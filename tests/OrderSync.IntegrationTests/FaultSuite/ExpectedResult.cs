namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>The sync result that proves an event arrived: its type, and the shipment and tracking number it must name.</summary>
public sealed record ExpectedResult(string Type, string? ShipmentId = null, string? TrackingNumber = null)
{
    public const string ShipmentSynced = ContractNames.ShipmentSynced;
    public const string CancellationSynced = ContractNames.CancellationSynced;
    public const string SyncFailed = ContractNames.SyncFailed;

    public override string ToString() => $"{Type}{(ShipmentId is null ? string.Empty : " " + ShipmentId)}{(TrackingNumber is null ? string.Empty : " " + TrackingNumber)}";
}
