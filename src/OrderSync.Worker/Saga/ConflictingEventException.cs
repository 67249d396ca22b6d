namespace OrderSync.Worker.Saga;

/// <summary>
/// Commerce sent an event under the id of one already applied (or held for its turn), with other contents. The id is the idempotency key, so it
/// cannot be applied as a new event, nor dropped as a copy: it is dead-lettered for an operator to look at.
/// </summary>
public sealed class ConflictingEventException : Exception, Messaging.IDeadLetterDetails
{
    public ConflictingEventException(string message)
        : base(message)
    {
    }

    public ConflictingEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConflictingEventException()
    {
    }

    public string? PurchaseOrderId { get; init; }

    public string? StoreCode { get; init; }

    public IReadOnlyList<Contracts.Events.WalmartErrorDetail> WalmartErrors => [];
}
