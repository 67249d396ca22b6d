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

    /// <summary>An event under an id already applied whose contents differ from the applied one's: not a copy, and not applied.</summary>
    public static bool ConflictsWithApplied(this OrderSyncState state, OrderEventContext context) =>
        context.ContentDigest is not null
        && state.AppliedEventDigests.TryGetValue(context.EventId, out var applied)
        && applied != context.ContentDigest;

    public static void Adopt(this OrderSyncState state, OrderEventContext context)
    {
        state.StoreCode = context.StoreCode;
        state.PurchaseOrderId = context.PurchaseOrderId;
        if (!string.IsNullOrEmpty(context.OrderIncrementId))
        {
            state.OrderIncrementId = context.OrderIncrementId;
        }

        state.AppliedEventIds.Add(context.EventId);
        if (context.ContentDigest is not null)
        {
            state.AppliedEventDigests[context.EventId] = context.ContentDigest;
        }

        state.LastEventTime = context.EventTime;
    }

    public static void RecordShipment(this OrderSyncState state, ShipmentReceived shipment)
    {
        var known = state.Shipments.FirstOrDefault(s => s.ShipmentId == shipment.ShipmentId);
        if (known is not null)
        {
            // Commerce saved the shipment again (its items do not change): a track it now carries counts as a track event.
            if (shipment.Tracks.Count > 0)
            {
                state.ApplyTrack(known, shipment.Tracks[^1], shipment.Context.EventId, shipment.Context.EventTime);
            }

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
            TrackEventId = pending?.EventId ?? shipment.Context.EventId,
            TrackEventTime = pending is null ? shipment.Context.EventTime : pending.EventTime,
            Status = ShipmentStatus.WaitingForTrack,
        };
        state.Shipments.Add(record);

        if (record.Track is not null)
        {
            record.Status = ShipmentStatus.Queued;
            state.EnqueueShip(record.TrackEventId, record.ShipmentId);
        }
    }

    public static void RecordTrack(this OrderSyncState state, TrackReceived track)
    {
        var shipment = state.Shipments.FirstOrDefault(s => s.ShipmentId == track.ShipmentId);
        if (shipment is null)
        {
            if (state.PendingTracks.Any(t => t.ShipmentId == track.ShipmentId && t.EventTime > track.Context.EventTime))
            {
                return;
            }

            state.PendingTracks.RemoveAll(t => t.ShipmentId == track.ShipmentId);
            state.PendingTracks.Add(new PendingTrack(track.ShipmentId, track.Context.EventId, track.Track, track.Context.EventTime));
            return;
        }

        state.ApplyTrack(shipment, track.Track, track.Context.EventId, track.Context.EventTime);
    }

    /// <returns>
    /// Null when the cancellation is queued, or changes nothing because one is already queued or done; otherwise why it was refused
    /// before any Walmart call.
    /// </returns>
    public static string? RecordCancellation(this OrderSyncState state, CancellationRequested cancellation)
    {
        // Commerce cancels whole orders, once: the order saved again after its cancellation asks for nothing more.
        if (state.Cancellation is { Status: CancellationStatus.Queued or CancellationStatus.Synced })
        {
            return null;
        }

        state.Cancellation = new CancellationRecord
        {
            EventId = cancellation.Context.EventId,
            RequestedReason = cancellation.RequestedReason,
            WalmartReason = cancellation.WalmartReason,
            ShippedInCommerce = [.. cancellation.ShippedInCommerce],
        };

        var refusal = cancellation.WalmartReason is null
            ? string.IsNullOrWhiteSpace(cancellation.RequestedReason)
                ? "The order was canceled in Commerce without a cancellation reason; Walmart needs one."
                : $"The cancellation reason '{cancellation.RequestedReason}' is not one Walmart accepts."
            : state.NothingLeftToCancel();
        if (refusal is not null)
        {
            state.Cancellation.Status = CancellationStatus.Failed;
            state.LastError = refusal;
            state.OrderStatus = OrderStatuses.Error;
            return refusal;
        }

        // A cancellation that failed before runs again as the same operation: the lines it settled on, and any Walmart applied
        // before its answer was lost, are kept.
        var failed = state.Operations.LastOrDefault(o => o.Kind == WalmartOperationKind.Cancel && o.Status == OperationStatus.Failed);
        if (failed is not null)
        {
            failed.Requeue(cancellation.Context.EventId, state.LastEventTime);
        }
        else
        {
            state.Enqueue(WalmartOperationKind.Cancel, cancellation.Context.EventId, shipmentId: null);
        }

        return null;
    }

    /// <summary>A Commerce event of this order failed validation: the order shows the error until a good event or a resync.</summary>
    public static void RecordRejection(this OrderSyncState state, CommerceEventRejected rejected)
    {
        state.LastError = rejected.Reason;
        state.OrderStatus = OrderStatuses.Error;
    }

    /// <summary>An event refused without an operation: kept, so that a copy of it can send the same Error result again.</summary>
    public static RefusedEvent Refuse(this OrderSyncState state, string eventId, string operation, string reason, DateTimeOffset refusedAt)
    {
        var refused = new RefusedEvent(eventId, operation, reason, refusedAt);
        state.RefusedEvents.Add(refused);
        return refused;
    }

    /// <summary>Queues again every operation that failed for good, with its own id, so the lines it settled on are kept.</summary>
    /// <returns>How many operations were queued again.</returns>
    public static int RequeueFailedOperations(this OrderSyncState state)
    {
        var failed = state.Operations.Where(o => o.Status == OperationStatus.Failed).ToList();
        foreach (var operation in failed)
        {
            operation.Status = OperationStatus.Queued;
            operation.Error = null;
            if (operation.Kind == WalmartOperationKind.Cancel)
            {
                state.Cancellation!.Status = CancellationStatus.Queued;
            }
            else if (operation.Kind == WalmartOperationKind.Ship)
            {
                // A failed tracking update leaves its shipment shipped.
                state.Shipment(operation).Status = ShipmentStatus.Queued;
            }
        }

        return failed.Count;
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

        var next = state.Operations.FirstOrDefault(o => o.Status == OperationStatus.Queued && state.MayStart(o));
        if (next is not null)
        {
            next.Status = OperationStatus.InFlight;
            next.DispatchedTrack = next.Kind == WalmartOperationKind.Ship ? state.Shipment(next).Track : null;
        }

        return next;
    }

    /// <summary>
    /// A ship that failed while Commerce saved another track for its shipment runs again with that track, which may be the fix
    /// (a URL for a carrier Walmart does not know): it keeps its operation and lines, as a failed ship given a new track does.
    /// </summary>
    /// <returns>True when the ship was queued again.</returns>
    public static bool RetryWithTrackSavedMeanwhile(this OrderSyncState state, OperationRecord operation)
    {
        if (operation is not { Kind: WalmartOperationKind.Ship, Status: OperationStatus.Failed, DispatchedTrack: { } dispatched })
        {
            return false;
        }

        var shipment = state.Shipment(operation);
        if (shipment.Track is not { } current || !current.DiffersForWalmart(dispatched))
        {
            return false;
        }

        operation.Requeue(shipment.TrackEventId ?? operation.CausationId, shipment.TrackEventTime);
        shipment.Status = ShipmentStatus.Queued;
        return true;
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
            return command with { Cancellation = new CancellationInstruction(state.Cancellation!.WalmartReason!, state.Cancellation.ShippedInCommerce) };
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
        if (operation.Kind == WalmartOperationKind.Ship)
        {
            shipment.WalmartLines = [.. completed.Lines.Select(l => l.LineNumber)];
        }

        shipment.SentTrackingNumber = completed.Lines.Select(l => l.TrackingNumber).FirstOrDefault(t => t is not null) ?? shipment.Track?.TrackNumber;
        state.OrderStatus = state.SyncedStatus();

        // A track that came while this operation was in flight is not on Walmart yet.
        state.KeepTrackingCurrent(shipment);
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
        else if (operation.Kind == WalmartOperationKind.Ship)
        {
            // A failed tracking update leaves its shipment shipped, with the tracking number Walmart last accepted.
            state.Shipment(operation).Status = ShipmentStatus.Failed;
        }
    }

    /// <summary>Shipped once every Walmart line is shipped or cancelled, else Partially Shipped.</summary>
    public static string ComputeShippingStatus(this OrderSyncState state) =>
        state.WalmartLines.Count > 0 && state.WalmartLines.All(l => l.IsClosed) ? OrderStatuses.Shipped : OrderStatuses.PartiallyShipped;

    /// <summary>The status after an operation succeeded: Canceled once the order's cancellation went through, else the shipping status.</summary>
    public static string SyncedStatus(this OrderSyncState state) =>
        state.Cancellation?.Status == CancellationStatus.Synced ? OrderStatuses.Canceled : state.ComputeShippingStatus();

    public static ShipmentRecord Shipment(this OrderSyncState state, OperationRecord operation) =>
        state.Shipments.First(s => s.ShipmentId == operation.ShipmentId);

    /// <summary>
    /// A new track for a shipment the saga knows: ship it, or correct the tracking Walmart has. Events of one order may reach
    /// several workers out of order, so a track Commerce saved before the current one changes nothing.
    /// </summary>
    private static void ApplyTrack(this OrderSyncState state, ShipmentRecord shipment, ShipmentTrack track, string eventId, DateTimeOffset eventTime)
    {
        if (shipment.Track is not null && shipment.TrackEventTime > eventTime)
        {
            return;
        }

        var previous = shipment.Track;
        shipment.Track = track;
        shipment.TrackEventId = eventId;
        shipment.TrackEventTime = eventTime;
        switch (shipment.Status)
        {
            case ShipmentStatus.WaitingForTrack:
                shipment.Status = ShipmentStatus.Queued;
                state.EnqueueShip(eventId, shipment.ShipmentId);
                break;
            case ShipmentStatus.Queued:
                // A queued ship is built when it is dispatched, so it carries the newest track; one already in flight is followed by a
                // tracking update when it completes.
                break;
            case ShipmentStatus.Synced:
                state.KeepTrackingCurrent(shipment);
                break;
            case ShipmentStatus.Failed when previous is null || previous.DiffersForWalmart(track):
                // A new number, carrier or URL may be the fix the refusal asked for (a URL for a carrier Walmart does not know).
                // The failed ship runs again as the same operation, not a new one: it keeps the lines it settled on, so lines Walmart
                // applied before its answer was lost are not shipped again (a new ship would take other open lines of the same SKU).
                state.Operations.Last(o => o.ShipmentId == shipment.ShipmentId && o.Kind == WalmartOperationKind.Ship).Requeue(eventId, state.LastEventTime);
                shipment.Status = ShipmentStatus.Queued;
                break;
        }
    }

    /// <summary>Queues a tracking update when the shipment's track differs from what Walmart accepted, unless one is already queued.</summary>
    private static void KeepTrackingCurrent(this OrderSyncState state, ShipmentRecord shipment)
    {
        if (shipment.Status != ShipmentStatus.Synced || shipment.Track is null || shipment.Track.TrackNumber == shipment.SentTrackingNumber)
        {
            return;
        }

        var causationId = shipment.TrackEventId ?? shipment.EventId;
        var queued = state.Operations.FirstOrDefault(o =>
            o.ShipmentId == shipment.ShipmentId && o.Kind == WalmartOperationKind.UpdateTracking && o.Status == OperationStatus.Queued);
        if (queued is not null)
        {
            // Built when dispatched, it will carry the newest track: it now answers the newest track event.
            queued.CausationId = causationId;
            queued.CausationTime = state.LastEventTime;
            return;
        }

        state.Enqueue(WalmartOperationKind.UpdateTracking, causationId, shipment.ShipmentId);
    }

    /// <summary>
    /// Commerce shipped a shipment waiting for its track before it cancelled the rest, so its units are not the cancellation's
    /// to cancel. A cancellation that says what Commerce had shipped (its items' qty_shipped) goes at once and leaves those units
    /// open; one that does not waits until the track came and the shipment is shipped.
    /// </summary>
    private static bool MayStart(this OrderSyncState state, OperationRecord operation) =>
        operation.Kind != WalmartOperationKind.Cancel
        || state.Cancellation?.ShippedInCommerce.Count > 0
        || state.Shipments.All(s => s.Status != ShipmentStatus.WaitingForTrack);

    /// <summary>Why a cancellation cannot cancel anything, when the saga already saw every line of the order closed.</summary>
    private static string? NothingLeftToCancel(this OrderSyncState state)
    {
        if (state.WalmartLines.Count == 0 || !state.WalmartLines.All(l => l.IsClosed))
        {
            return null;
        }

        return state.WalmartLines.All(l => l.Shipped >= l.Quantity)
            ? $"Walmart order {state.PurchaseOrderId} is already fully shipped, so there is nothing left to cancel."
            : $"Every line of Walmart order {state.PurchaseOrderId} is already shipped or cancelled, so there is nothing left to cancel.";
    }

    /// <summary>Another number, carrier or URL: what Walmart receives; the track's own id in Commerce is not sent.</summary>
    private static bool DiffersForWalmart(this ShipmentTrack track, ShipmentTrack other) => (track with { TrackId = other.TrackId }) != other;

    private static void Requeue(this OperationRecord operation, string causationId, DateTimeOffset? causationTime)
    {
        operation.CausationTime = causationTime;
        operation.Status = OperationStatus.Queued;
        operation.Error = null;
        operation.CausationId = causationId;
    }

    /// <summary>
    /// A ship goes before a cancellation still waiting its turn: Commerce cannot ship a cancelled order, so the shipment was made
    /// before the cancellation and only overtaken by it on the way.
    /// </summary>
    private static void EnqueueShip(this OrderSyncState state, string causationId, string shipmentId)
    {
        var cancellation = state.Operations.FindIndex(o => o.Kind == WalmartOperationKind.Cancel && o.Status == OperationStatus.Queued);
        var operation = NewOperation(WalmartOperationKind.Ship, causationId, shipmentId, state.LastEventTime);
        if (cancellation < 0)
        {
            state.Operations.Add(operation);
        }
        else
        {
            state.Operations.Insert(cancellation, operation);
        }
    }

    private static void Enqueue(this OrderSyncState state, WalmartOperationKind kind, string causationId, string? shipmentId) =>
        state.Operations.Add(NewOperation(kind, causationId, shipmentId, state.LastEventTime));

    private static OperationRecord NewOperation(WalmartOperationKind kind, string causationId, string? shipmentId, DateTimeOffset? causationTime) => new()
    {
        CausationTime = causationTime,
        OperationId = Guid.CreateVersion7(),
        Kind = kind,
        CausationId = causationId,
        ShipmentId = shipmentId,
        Status = OperationStatus.Queued,
    };
}
