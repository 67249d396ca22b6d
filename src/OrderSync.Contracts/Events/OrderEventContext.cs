namespace OrderSync.Contracts.Events;

/// <summary>What every Commerce event says about where it comes from and which order it concerns.</summary>
/// <param name="EventId">The CloudEvent id: the idempotency key.</param>
/// <param name="EventTime">The CloudEvent time, the start of the sync latency.</param>
/// <param name="ContentDigest">SHA-256 of the event's <c>data</c>: tells a copy of an event from another event under the same id.</param>
/// <param name="ArrivalSequence">Its place among the order's events as the intake read them (1 for the first); the saga applies them in this order.</param>
/// <param name="ArrivedAt">When the intake first read it: how long an event that came early has waited for the one before it.</param>
public sealed record OrderEventContext(
    string EventId,
    string EventType,
    DateTimeOffset EventTime,
    string StoreCode,
    string PurchaseOrderId,
    string OrderIncrementId,
    string? ContentDigest = null,
    int? ArrivalSequence = null,
    DateTimeOffset? ArrivedAt = null);
