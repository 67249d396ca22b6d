namespace OrderSync.Worker.Saga;

public enum CancellationStatus
{
    Queued,
    Synced,
    Failed,
}
