namespace OrderSync.Domain.State;

public enum CancellationStatus
{
    Queued,
    Synced,
    Failed,
}
