namespace OrderSync.Contracts.Events;

/// <summary>What every Commerce event says about where it comes from and which order it concerns.</summary>
/// <param name="EventId">The CloudEvent id: the idempotency key.</param>
/// <param name="EventTime">The CloudEvent time, the start of the sync latency.</param>
public sealed record OrderEventContext(
    string EventId,
    string EventType,
    DateTimeOffset EventTime,
    string StoreCode,
    string PurchaseOrderId,
    string OrderIncrementId);
