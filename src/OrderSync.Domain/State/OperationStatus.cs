namespace OrderSync.Domain.State;

public enum OperationStatus
{
    Queued,
    InFlight,
    Succeeded,
    Failed,
}
