namespace OrderSync.Worker.WalmartOperations;

/// <summary>An operation that cannot succeed as it is: its Error result is out, and the command is dead-lettered for an operator.</summary>
public sealed class OperationRefusedException : Exception, Messaging.IDeadLetterDetails
{
    public OperationRefusedException(string message)
        : base(message)
    {
    }

    public OperationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OperationRefusedException()
    {
    }

    public string? PurchaseOrderId { get; init; }

    public string? StoreCode { get; init; }

    public IReadOnlyList<Contracts.Events.WalmartErrorDetail> WalmartErrors { get; init; } = [];
}
