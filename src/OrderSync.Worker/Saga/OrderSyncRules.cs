using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;

namespace OrderSync.Worker.Saga;

/// <summary>
/// The domain rules of one order, free of messaging: the activities call them and send what they decide.
/// Every method only changes the state it is given, so a behaviour re-run after a concurrency conflict repeats nothing outside.
/// </summary>
public static class OrderSyncRules
{
    public static bool IsApplied(this OrderSyncState state, string eventId) => state.AppliedEventIds.Contains(eventId);

    public static void Adopt(this OrderSyncState state, OrderEventContext context)
    {
        state.StoreCode = context.StoreCode;
        state.PurchaseOrderId = context.PurchaseOrderId;
        if (!string.IsNullOrEmpty(context.OrderIncrementId))
        {
            state.OrderIncrementId = context.OrderIncrementId;
        }

        state.AppliedEventIds.Add(context.EventId);
        state.LastEventTime = context.EventTime;
    }

    public static void RecordShipment(this OrderSyncState state, ShipmentReceived shipment)
    {
        if (state.Shipments.Any(s => s.ShipmentId == shipment.ShipmentId))
        {
            return;
        }

        var pending = state.PendingTracks.LastOrDefault(t => t.ShipmentId == shipment.ShipmentId);
        state.PendingTracks.RemoveAll(t => t.ShipmentId == shipment.ShipmentId);

        var record = new ShipmentRecord
        {
            ShipmentId = shipment.ShipmentId,
            IncrementId = shipment.ShipmentIncrementId,
            EventId = shipment.Context.EventId,
            ShippedAt = shipment.ShippedAt,
            Items = [.. shipment.Items],
            Track = pending?.Track ?? (shipment.Tracks.Count > 0 ? shipment.Tracks[^1] : null),
            Status = ShipmentStatus.WaitingForTrack,
        };
        state.Shipments.Add(record);

        if (record.Track is not null)
        {
            record.Status = ShipmentStatus.Queued;
            state.Enqueue(WalmartOperationKind.Ship, pending?.EventId ?? shipment.Context.EventId, record.ShipmentId);
        }
    }

    public static void RecordTrack(this OrderSyncState state, TrackReceived track)
    {
        var shipment = state.Shipments.FirstOrDefault(s => s.ShipmentId == track.ShipmentId);
        if (shipment is null)
        {
            state.PendingTracks.RemoveAll(t => t.ShipmentId == track.ShipmentId);
            state.PendingTracks.Add(new PendingTrack(track.ShipmentId, track.Context.EventId, track.Track));
            return;
        }

        var previous = shipment.Track;
        shipment.Track = track.Track;
        switch (shipment.Status)
        {
            case ShipmentStatus.WaitingForTrack:
                shipment.Status = ShipmentStatus.Queued;
                state.Enqueue(WalmartOperationKind.Ship, track.Context.EventId, shipment.ShipmentId);
                break;
            case ShipmentStatus.Queued:
                // The ship command is built when it is dispatched, so it carries the newest track.
                break;
            case ShipmentStatus.Synced when shipment.SentTrackingNumber != track.Track.TrackNumber:
            case ShipmentStatus.Failed when previous?.TrackNumber != track.Track.TrackNumber:
                state.Enqueue(
                    shipment.Status == ShipmentStatus.Synced ? WalmartOperationKind.UpdateTracking : WalmartOperationKind.Ship,
                    track.Context.EventId,
                    shipment.ShipmentId);
                shipment.Status = ShipmentStatus.Queued;
                break;
        }
    }

    /// <returns>Null when the cancellation is queued; otherwise why it was refused before any Walmart call.</returns>
    public static string? RecordCancellation(this OrderSyncState state, CancellationRequested cancellation)
    {
        state.Cancellation = new CancellationRecord
        {
            EventId = cancellation.Context.EventId,
            RequestedReason = cancellation.RequestedReason,
            WalmartReason = cancellation.WalmartReason,
        };

        if (cancellation.WalmartReason is null)
        {
            state.Cancellation.Status = CancellationStatus.Failed;
            var refusal = string.IsNullOrWhiteSpace(cancellation.RequestedReason)
                ? "The order was canceled in Commerce without a cancellation reason; Walmart needs one."
                : $"The cancellation reason '{cancellation.RequestedReason}' is not one Walmart accepts.";
            state.LastError = refusal;
            state.OrderStatus = OrderStatuses.Error;
            return refusal;
        }

        state.Enqueue(WalmartOperationKind.Cancel, cancellation.Context.EventId, shipmentId: null);
        return null;
    }

    public static OperationRecord? InFlight(this OrderSyncState state) =>
        state.Operations.FirstOrDefault(o => o.Status == OperationStatus.InFlight);

    /// <summary>Marks the next queued operation in flight, unless one already is.</summary>
    public static OperationRecord? StartNextOperation(this OrderSyncState state)
    {
        if (state.InFlight() is not null)
        {
            return null;
        }

        var next = state.Operations.FirstOrDefault(o => o.Status == OperationStatus.Queued);
        if (next is not null)
        {
            next.Status = OperationStatus.InFlight;
        }

        return next;
    }

    public static ExecuteWalmartOperation BuildCommand(this OrderSyncState state, OperationRecord operation)
    {
        var command = new ExecuteWalmartOperation
        {
            OperationId = operation.OperationId,
            CorrelationId = state.CorrelationId,
            Kind = operation.Kind,
            StoreCode = state.StoreCode,
            PurchaseOrderId = state.PurchaseOrderId,
            OrderIncrementId = state.OrderIncrementId,
            CausationId = operation.CausationId,
        };

        if (operation.Kind == WalmartOperationKind.Cancel)
        {
            return command with { Cancellation = new CancellationInstruction(state.Cancellation!.WalmartReason!) };
        }

        var shipment = state.Shipment(operation);
        return command with
        {
            Shipment = new ShipmentInstruction(shipment.ShipmentId, shipment.ShippedAt, shipment.Items, shipment.Track!, shipment.WalmartLines),
        };
    }

    public static OperationRecord? FindOperation(this OrderSyncState state, Guid operationId) =>
        state.Operations.FirstOrDefault(o => o.OperationId == operationId);

    public static void ApplyCompletion(this OrderSyncState state, OperationRecord operation, WalmartOperationCompleted completed)
    {
        operation.Status = OperationStatus.Succeeded;
        operation.Error = null;
        state.WalmartLines = [.. completed.Order];
        state.LastError = null;

        if (operation.Kind == WalmartOperationKind.Cancel)
        {
            state.Cancellation!.Status = CancellationStatus.Synced;
            state.OrderStatus = OrderStatuses.Canceled;
            return;
        }

        var shipment = state.Shipment(operation);
        shipment.Status = ShipmentStatus.Synced;
        shipment.WalmartLines = [.. completed.Lines.Select(l => l.LineNumber)];
        shipment.SentTrackingNumber = completed.Lines.Select(l => l.TrackingNumber).FirstOrDefault(t => t is not null) ?? shipment.Track?.TrackNumber;
        state.OrderStatus = state.ComputeShippingStatus();
    }

    public static void ApplyFailure(this OrderSyncState state, OperationRecord operation, string statusDetails)
    {
        operation.Status = OperationStatus.Failed;
        operation.Error = statusDetails;
        state.LastError = statusDetails;
        state.OrderStatus = OrderStatuses.Error;

        if (operation.Kind == WalmartOperationKind.Cancel)
        {
            state.Cancellation!.Status = CancellationStatus.Failed;
        }
        else
        {
            state.Shipment(operation).Status = ShipmentStatus.Failed;
        }
    }

    /// <summary>Shipped once every Walmart line is shipped or cancelled, else Partially Shipped.</summary>
    public static string ComputeShippingStatus(this OrderSyncState state) =>
        state.WalmartLines.Count > 0 && state.WalmartLines.All(l => l.IsClosed) ? OrderStatuses.Shipped : OrderStatuses.PartiallyShipped;

    public static ShipmentRecord Shipment(this OrderSyncState state, OperationRecord operation) =>
        state.Shipments.First(s => s.ShipmentId == operation.ShipmentId);

    private static void Enqueue(this OrderSyncState state, WalmartOperationKind kind, string causationId, string? shipmentId) =>
        state.Operations.Add(new OperationRecord
        {
            OperationId = Guid.CreateVersion7(),
            Kind = kind,
            CausationId = causationId,
            ShipmentId = shipmentId,
            Status = OperationStatus.Queued,
        });
}
