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

    /// <param name="where">What became of the first event under the id: "applied to", "held for".</param>
    public static ConflictingEventException For(Contracts.Events.OrderEventContext conflicting, string where) => new(
        $"Event {conflicting.EventId} ({conflicting.EventType}) was already {where} order {conflicting.PurchaseOrderId} with other contents; " +
        "this one was not applied. Commerce must send a changed event under a new id.")
    {
        PurchaseOrderId = conflicting.PurchaseOrderId,
        StoreCode = conflicting.StoreCode,
    };

    public string? PurchaseOrderId { get; init; }

    public string? StoreCode { get; init; }

    public IReadOnlyList<Contracts.Events.WalmartErrorDetail> WalmartErrors => [];
}
