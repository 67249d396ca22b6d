namespace OrderSync.Worker.Saga;

public enum OperationStatus
{
    Queued,
    InFlight,
    Succeeded,
    Failed,
}
