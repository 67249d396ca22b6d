namespace OrderSync.Worker.Saga;

public enum ShipmentStatus
{
    WaitingForTrack,
    Queued,
    Synced,
    Failed,
}
