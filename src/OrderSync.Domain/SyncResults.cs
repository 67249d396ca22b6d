using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.State;

namespace OrderSync.Domain;

/// <summary>Builds the results Commerce receives from the order's state. A result delivered twice keeps its id, so Commerce can drop the copy.</summary>
internal static class SyncResults
{
    private static readonly Guid ResultIdNamespace = new("b1f7a0d2-4c3e-4e8a-9f61-2d5c7e8a9b04");

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
            Lines = [.. completed.Lines.Select(l => new ShippedLine(l.LineNumber, l.Sku, l.Quantity, l.Carrier ?? string.Empty, l.TrackingNumber ?? string.Empty)
            {
                CustomerRequestedCancel = l.CustomerRequestedCancel,
            })],
            Warnings = completed.Warnings.Count > 0 ? completed.Warnings : null,
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

    /// <summary>What a reconciling pass found changed on Walmart; the same change found again keeps its id.</summary>
    public static SyncResultCloudEvent ChangedOnWalmart(OrderSyncState state, IReadOnlyList<ChangedLine> changes, WalmartOrderReconciled reconciled)
    {
        var seen = string.Join('\n', changes.Select(c => $"{c.LineNumber}|{c.Change}|{Seen(state, c)}"));
        return Envelope(SyncResultTypes.ChangedOnWalmart, state, reconciled.CheckedAt, ResultId(SyncResultTypes.ChangedOnWalmart, $"{state.PurchaseOrderId}\n{seen}"), new ChangedOnWalmartData
        {
            PurchaseOrderId = state.PurchaseOrderId,
            OrderIncrementId = state.OrderIncrementId,
            StoreCode = state.StoreCode,
            OrderStatus = state.OrderStatus ?? state.SyncedStatus(),
            OccurredAt = reconciled.CheckedAt,
            CausationId = $"reconciliation:{reconciled.PassId}",
            Lines = changes,
        });
    }

    /// <summary>A shipment waited too long for its track: the order goes to Error, said once per shipment.</summary>
    public static SyncResultCloudEvent TrackWaitExpired(OrderSyncState state, ShipmentRecord shipment, string reason, DateTimeOffset now) =>
        Envelope(SyncResultTypes.SyncFailed, state, now, ResultId(SyncResultTypes.SyncFailed, $"track wait\n{shipment.ShipmentId}"), new SyncFailedData
        {
            PurchaseOrderId = state.PurchaseOrderId,
            OrderIncrementId = state.OrderIncrementId,
            StoreCode = state.StoreCode,
            OrderStatus = OrderStatuses.Error,
            OccurredAt = now,
            CausationId = shipment.EventId,
            Operation = SyncOperations.Shipment,
            StatusDetails = reason,
            ErrorSource = ErrorSources.Commerce,
            WalmartErrors = [],
            Attempts = 0,
        });

    /// <summary>What Walmart showed of the line: the same line state reported twice is one change.</summary>
    private static string Seen(OrderSyncState state, ChangedLine change) =>
        state.WalmartLines.FirstOrDefault(l => l.LineNumber == change.LineNumber) is { } line
            ? $"{line.Shipped}/{line.Cancelled}/{line.TrackingNumber}"
            : change.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Error result of an event refused without an operation.</summary>
    public static SyncResultCloudEvent Refused(OrderSyncState state, string eventId, string operation, string reason, DateTimeOffset refusedAt) =>
        Failed(state, operation, eventId, reason, ErrorSources.Commerce, [], attempts: 0, refusedAt, operationId: null);

    public static SyncResultCloudEvent OperationFailed(OrderSyncState state, OperationRecord operation, WalmartOperationFailed failed)
    {
        var kind = operation.Kind switch
        {
            WalmartOperationKind.Cancel => SyncOperations.Cancellation,
            WalmartOperationKind.UpdateTracking => SyncOperations.TrackingUpdate,
            _ => SyncOperations.Shipment,
        };
        return Failed(state, kind, operation.CausationId, failed.StatusDetails, failed.ErrorSource, failed.WalmartErrors, failed.Attempts, failed.FailedAt, operation.OperationId);
    }

    private static SyncResultCloudEvent Failed(
        OrderSyncState state,
        string operation,
        string causationId,
        string statusDetails,
        string errorSource,
        IReadOnlyList<WalmartErrorDetail> walmartErrors,
        int attempts,
        DateTimeOffset occurredAt,
        Guid? operationId) =>
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

    private static Guid ResultId(string type, string outcome) => UUIDNext.Uuid.NewNameBased(ResultIdNamespace, $"{type}\n{outcome}");

    /// <summary>
    /// An operation resynced or run again for a new track keeps its id, and may fail again: each failure counts its attempts on,
    /// so a later failure gets an id of its own and is not dropped by Commerce as a copy of the earlier one.
    /// </summary>
    private static Guid FailureId(string operation, string causationId, Guid? operationId, int attempts) =>
        ResultId(SyncResultTypes.SyncFailed, operationId is { } id ? $"{id}\nattempt {attempts}" : $"{operation}\n{causationId}");

    private static SyncResultCloudEvent Envelope(string type, OrderSyncState state, DateTimeOffset time, Guid id, SyncResultData data) => new()
    {
        Id = id.ToString(),
        Type = type,
        Subject = state.PurchaseOrderId,
        Time = time,
        Data = data,
    };
}
