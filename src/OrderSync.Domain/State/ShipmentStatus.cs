namespace OrderSync.Domain.State;

public enum ShipmentStatus
{
    WaitingForTrack,
    Queued,
    Synced,
    Failed,
}
