namespace OrderSync.Contracts.Commands;

public enum WalmartOperationKind
{
    Ship,
    UpdateTracking,
    Cancel,
}
