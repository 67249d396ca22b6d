using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Saga;

namespace OrderSync.Worker.Results;

/// <summary>Builds the contract's result events from the saga's state.</summary>
public static class SyncResults
{
    public static SyncResultCloudEvent ShipmentSynced(OrderSyncState state, OperationRecord operation, WalmartOperationCompleted completed)
    {
        var shipment = state.Shipment(operation);
        return Envelope(SyncResultTypes.ShipmentSynced, state, completed.CompletedAt, ResultId(SyncResultTypes.ShipmentSynced, operation.OperationId.ToString()), new ShipmentSyncedData
        {
            PurchaseOrderId = state.PurchaseOrderId,
            OrderIncrementId = state.OrderIncrementId,
            StoreCode = state.StoreCode,
            OrderStatus = state.SyncedStatus(),
            OccurredAt = completed.CompletedAt,
            CausationId = operation.CausationId,
            ShipmentId = shipment.ShipmentId,
            Lines = [.. completed.Lines.Select(l => new ShippedLine(l.LineNumber, l.Sku, l.Quantity, l.Carrier ?? string.Empty, l.TrackingNumber ?? string.Empty))],
        });
    }

    public static SyncResultCloudEvent CancellationSynced(OrderSyncState state, OperationRecord operation, WalmartOperationCompleted completed) =>
        Envelope(SyncResultTypes.CancellationSynced, state, completed.CompletedAt, ResultId(SyncResultTypes.CancellationSynced, operation.OperationId.ToString()), new CancellationSyncedData
        {
            PurchaseOrderId = state.PurchaseOrderId,
            OrderIncrementId = state.OrderIncrementId,
            StoreCode = state.StoreCode,
            OrderStatus = OrderStatuses.Canceled,
            OccurredAt = completed.CompletedAt,
            CausationId = operation.CausationId,
            Lines = [.. completed.Lines.Select(l => new CancelledLine(l.LineNumber, l.Sku, l.Quantity, l.Reason ?? string.Empty))],
        });

    /// <summary>The Error result of an event refused without an operation: the same, with the same id, each time it is sent.</summary>
    public static SyncResultCloudEvent Refused(OrderSyncState state, RefusedEvent refused) =>
        Failed(state, refused.Operation, refused.EventId, refused.Reason, ErrorSources.Commerce, [], attempts: 0, refused.RefusedAt);

    public static SyncResultCloudEvent Failed(
        OrderSyncState state,
        string operation,
        string causationId,
        string statusDetails,
        string errorSource,
        IReadOnlyList<WalmartErrorDetail> walmartErrors,
        int attempts,
        DateTimeOffset occurredAt,
        Guid? operationId = null) =>
        Envelope(SyncResultTypes.SyncFailed, state, occurredAt, FailureId(operation, causationId, operationId, attempts), new SyncFailedData
        {
            PurchaseOrderId = state.PurchaseOrderId,
            OrderIncrementId = state.OrderIncrementId,
            StoreCode = state.StoreCode,
            OrderStatus = OrderStatuses.Error,
            OccurredAt = occurredAt,
            CausationId = causationId,
            Operation = operation,
            StatusDetails = statusDetails,
            ErrorSource = errorSource,
            WalmartErrors = walmartErrors,
            Attempts = attempts,
        });

    /// <summary>
    /// The same for every copy of one outcome: a result sent again after a crash (the outbox is in memory) keeps its
    /// CloudEvent id, so Commerce can drop the copy.
    /// </summary>
    private static Guid ResultId(string type, string outcome) =>
        UUIDNext.Uuid.NewNameBased(ResultIdNamespace, $"{type}\n{outcome}");

    /// <summary>
    /// An operation resynced or run again for a new track keeps its id, and may fail again: each failure counts its attempts on,
    /// so a later failure gets an id of its own and is not dropped by Commerce as a copy of the earlier one.
    /// </summary>
    private static Guid FailureId(string operation, string causationId, Guid? operationId, int attempts) =>
        ResultId(SyncResultTypes.SyncFailed, operationId is { } id ? $"{id}\nattempt {attempts}" : $"{operation}\n{causationId}");

    private static readonly Guid ResultIdNamespace = new("b1f7a0d2-4c3e-4e8a-9f61-2d5c7e8a9b04");

    private static SyncResultCloudEvent Envelope(string type, OrderSyncState state, DateTimeOffset time, Guid id, SyncResultData data) => new()
    {
        Id = id.ToString(),
        Type = type,
        Subject = state.PurchaseOrderId,
        Time = time,
        Data = data,
    };
}
