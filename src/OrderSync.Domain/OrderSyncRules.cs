using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;

namespace OrderSync.Domain;

/// <summary>
/// What one order does with each message it takes: one function per message of (state, message, now) that changes the state
/// it is given and returns what to send once that state is saved. Nothing here sends, stores or waits, so a copy of a message
/// needs no care beyond being recognised: whatever the first one decided was saved with the state and is delivered from there.
/// </summary>
public static partial class OrderSyncRules
{
    /// <summary>
    /// The most Commerce events one order takes, applied and held together: every list of its state grows by at most one
    /// entry an event, so this bounds the state whatever Commerce sends. A real order has a few dozen.
    /// </summary>
    public const int MaxEventsPerOrder = 1000;

    // ---- Commerce events: held until their turn, applied once per CloudEvent id ----

    /// <param name="trackingChangeWindow">How long after a shipment first shipped Walmart takes a change of its tracking.</param>
    public static Decided On(OrderSyncState state, ShipmentReceived shipment, DateTimeOffset now, TimeSpan arrivalWait, TimeSpan trackingChangeWindow) =>
        ApplyCommerceEvent(state, shipment, now, arrivalWait, decisions => state.RecordShipment(shipment, now, trackingChangeWindow, decisions));

    /// <param name="trackingChangeWindow">How long after a shipment first shipped Walmart takes a change of its tracking.</param>
    public static Decided On(OrderSyncState state, TrackReceived track, DateTimeOffset now, TimeSpan arrivalWait, TimeSpan trackingChangeWindow) =>
        ApplyCommerceEvent(state, track, now, arrivalWait, decisions => state.RecordTrack(track, now, trackingChangeWindow, decisions));

    public static Decided On(OrderSyncState state, CancellationRequested cancellation, DateTimeOffset now, TimeSpan arrivalWait) =>
        ApplyCommerceEvent(state, cancellation, now, arrivalWait, decisions =>
        {
            if (state.RecordCancellation(cancellation) is { } refusal)
            {
                decisions.Add(Refused(state, cancellation.Context, SyncOperations.Cancellation, refusal, now));
            }
        });

    /// <summary>A Commerce event of this order failed validation: the order shows the error until a good event or a resync.</summary>
    public static Decided On(OrderSyncState state, CommerceEventRejected rejected, DateTimeOffset now, TimeSpan arrivalWait) =>
        ApplyCommerceEvent(state, rejected, now, arrivalWait, decisions =>
        {
            state.LastError = rejected.Reason;
            state.OrderStatus = OrderStatuses.Error;
            decisions.Add(Refused(state, rejected.Context, rejected.Operation, rejected.Reason, now));
        });

    // ---- The order's own timer, an operator's resync ----

    /// <summary>The oldest held event may have waited long enough: release it, or wait again if this clock says it has not.</summary>
    public static Decided On(OrderSyncState state, HeldEventsDue due, DateTimeOffset now, TimeSpan arrivalWait)
    {
        _ = due;
        var released = state.NextReleasable() ?? state.HeldEvents.FirstOrDefault(h => now - h.ArrivedAt >= arrivalWait);
        if (released is not null)
        {
            return new Decided(false, [new ReleaseHeldEvent(released.Message(), released.Sequence)]);
        }

        return state.HeldEvents.Count == 0
            ? Decided.Nothing()
            : new Decided(false, [new WakeUpAt(state.HeldEvents.Min(h => h.ArrivedAt) + arrivalWait)]);
    }

    /// <summary>The failed operations go back in the queue, keeping their ids and the lines they settled on.</summary>
    public static Decided On(OrderSyncState state, ResyncRequested resync)
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

        List<Decision> decisions = [new OperationsRequeued(failed.Count, resync.RequestedBy)];
        state.DispatchNext(decisions);
        return new Decided(failed.Count > 0, decisions);
    }

    // ---- Walmart's outcomes ----

    public static Decided On(OrderSyncState state, WalmartOperationCompleted completed)
    {
        var operation = state.Operations.FirstOrDefault(o => o.OperationId == completed.OperationId);
        if (operation is null || operation.Status == OperationStatus.Succeeded)
        {
            return Decided.Nothing(new CopyIgnored($"completion of operation {completed.OperationId}"));
        }

        operation.Status = OperationStatus.Succeeded;
        operation.Error = null;
        state.WalmartLinesList = [.. completed.Order];
        state.WalmartLinesSeenAt = completed.CompletedAt;
        state.KeepShipBy(completed.ShipBy);
        state.LastError = null;
        List<Decision> decisions = [];
        if (operation.Kind == WalmartOperationKind.Cancel)
        {
            state.Cancellation!.Status = CancellationStatus.Synced;
            state.OrderStatus = OrderStatuses.Canceled;
            decisions.Add(new PublishResult(SyncResults.CancellationSynced(state, operation, completed), operation.CausationTime ?? completed.CompletedAt));
        }
        else
        {
            var shipment = state.Shipment(operation);
            shipment.Status = ShipmentStatus.Synced;
            if (operation.Kind == WalmartOperationKind.Ship)
            {
                shipment.WalmartLines = [.. completed.Lines.Select(l => l.LineNumber)];
                shipment.ShippedOnWalmartAt ??= completed.CompletedAt;
            }

            shipment.SentTrackingNumber = completed.Lines.Select(l => l.TrackingNumber).FirstOrDefault(t => t is not null) ?? shipment.Track?.TrackNumber;
            state.OrderStatus = state.SyncedStatus();
            decisions.Add(new PublishResult(SyncResults.ShipmentSynced(state, operation, completed), operation.CausationTime ?? completed.CompletedAt));

            // A track that came while this operation was in flight is not on Walmart yet.
            state.KeepTrackingCurrent(shipment);
        }

        state.DispatchNext(decisions);
        return new Decided(true, decisions);
    }

    public static Decided On(OrderSyncState state, WalmartOperationFailed failed)
    {
        var operation = state.Operations.FirstOrDefault(o => o.OperationId == failed.OperationId);

        // Another run's failure of an operation already failed (a copy of its command) tells Commerce nothing new.
        var copyOfLastFailure = operation?.FailedAttempts is { } last && failed.Attempts <= last;
        if (operation is null || operation.Status is OperationStatus.Failed or OperationStatus.Succeeded || copyOfLastFailure)
        {
            return Decided.Nothing(new CopyIgnored($"failure of operation {failed.OperationId}"));
        }

        operation.Status = OperationStatus.Failed;
        operation.Error = failed.StatusDetails;
        operation.FailedAttempts = failed.Attempts;
        state.KeepShipBy(failed.ShipBy);
        state.LastError = failed.StatusDetails;
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

        List<Decision> decisions = [new PublishResult(SyncResults.OperationFailed(state, operation, failed), operation.CausationTime ?? failed.FailedAt)];
        state.RetryWithTrackSavedMeanwhile(operation);
        state.DispatchNext(decisions);
        return new Decided(true, decisions);
    }

    /// <summary>Walmart may move the ship-by date; an outcome that did not read it (a worker from before, or no read) keeps the one known.</summary>
    private static void KeepShipBy(this OrderSyncState state, DateTimeOffset? shownByWalmart) => state.ShipBy = shownByWalmart ?? state.ShipBy;

    // ---- What every Commerce event goes through ----

    /// <summary>
    /// The intake numbers each order's events as it reads them; they are applied in that order. One that comes before an
    /// earlier one (consumed on another instance, or retried) is held until that one is applied, or until it has waited long
    /// enough: the earlier one may be dead-lettered, and an order must not wait for it for ever. Then an event is applied once
    /// per CloudEvent id; the same id with other contents is refused.
    /// </summary>
    private static Decided ApplyCommerceEvent(
        OrderSyncState state, IOrderEvent orderEvent, DateTimeOffset now, TimeSpan arrivalWait, Action<List<Decision>> record)
    {
        var context = orderEvent.Context;
        if (state.ConflictsWithHeld(context))
        {
            return Conflict(context, "held for");
        }

        if (context.ContentDigest is not null
            && state.AppliedEventDigests.TryGetValue(context.EventId, out var applied) && applied != context.ContentDigest)
        {
            return Conflict(context, "applied to");
        }

        if (!state.IsApplied(context.EventId) && !state.Holds(context.EventId)
            && state.AppliedEventIds.Count + state.HeldEvents.Count >= MaxEventsPerOrder)
        {
            return new Decided(false,
            [
                new Refusal(
                    $"Order {context.PurchaseOrderId} has taken {MaxEventsPerOrder} Commerce events, the most one order may; event " +
                    $"{context.EventId} ({context.EventType}) was not applied. Sync the order in Seller Center."),
            ]);
        }

        List<Decision> decisions = [];
        if (context.ArrivalSequence is { } early && early > state.LastArrivalSequence + 1 && now - (context.ArrivedAt ?? now) < arrivalWait)
        {
            var held = state.Hold(orderEvent);
            if (held)
            {
                decisions.Add(new EventHeld(context.EventId, early, state.LastArrivalSequence + 1));
            }

            // Also for a copy of a held event: a release judged due by an instance whose clock is ahead comes back here.
            decisions.Add(new WakeUpAt((context.ArrivedAt ?? now) + arrivalWait));
            return new Decided(held, decisions);
        }

        if (context.ArrivalSequence is { } late && late > state.LastArrivalSequence + 1)
        {
            decisions.Add(new AppliedWithoutEarlierEvents(context.EventId, late, state.LastArrivalSequence + 1, late - 1));
        }

        var admitted = state.Admit(context);
        if (state.IsApplied(context.EventId))
        {
            decisions.Add(new CopyIgnored($"event {context.EventId}"));
            state.ReleaseNext(decisions);
            return new Decided(admitted, decisions);
        }

        state.Adopt(context);
        record(decisions);
        state.DispatchNext(decisions);
        state.ReleaseNext(decisions);
        return new Decided(true, decisions);
    }

    private static Decided Conflict(OrderEventContext context, string where) => new(false,
    [
        new Refusal(
            $"Event {context.EventId} ({context.EventType}) was already {where} order {context.PurchaseOrderId} with other contents; " +
            "this one was not applied. Commerce must send a changed event under a new id."),
    ]);

    private static PublishResult Refused(OrderSyncState state, OrderEventContext context, string operation, string reason, DateTimeOffset now) =>
        new(SyncResults.Refused(state, context.EventId, operation, reason, now), context.EventTime);

    private static void Adopt(this OrderSyncState state, OrderEventContext context)
    {
        state.StoreCode = context.StoreCode;
        state.PurchaseOrderId = context.PurchaseOrderId;
        if (!string.IsNullOrEmpty(context.OrderIncrementId))
        {
            state.OrderIncrementId = context.OrderIncrementId;
        }

        state.AppliedEventIdsList.Add(context.EventId);
        if (context.ContentDigest is not null)
        {
            state.AppliedEventDigestTable[context.EventId] = context.ContentDigest;
        }

        state.LastEventTime = context.EventTime;
    }

    // ---- Arrival order ----

    /// <summary>An event under the id of a held one whose contents differ: not a copy, and it must not take the held one's place.</summary>
    private static bool ConflictsWithHeld(this OrderSyncState state, OrderEventContext context) =>
        context.ContentDigest is not null
        && state.HeldEvents.FirstOrDefault(h => h.EventId == context.EventId)?.Message().Context.ContentDigest is { } held
        && held != context.ContentDigest;

    /// <returns>False when the event is held already (a copy of it came early too).</returns>
    private static bool Hold(this OrderSyncState state, IOrderEvent orderEvent)
    {
        if (state.Holds(orderEvent.Context.EventId))
        {
            return false;
        }

        // An order's first event may be one that came early: the order is known from it.
        state.StoreCode = orderEvent.Context.StoreCode;
        state.PurchaseOrderId = orderEvent.Context.PurchaseOrderId;
        state.HeldEventsList.Add(HeldEvent.Of(orderEvent));
        state.HeldEventsList.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return true;
    }

    /// <summary>The event goes on to be applied: it is no longer held, and its number counts as reached.</summary>
    /// <returns>True when that changed the state.</returns>
    private static bool Admit(this OrderSyncState state, OrderEventContext context)
    {
        var changed = state.HeldEventsList.RemoveAll(h => h.EventId == context.EventId) > 0;
        if (context.ArrivalSequence is { } sequence && sequence > state.LastArrivalSequence)
        {
            state.LastArrivalSequence = sequence;
            changed = true;
        }

        return changed;
    }

    /// <summary>The held event whose turn has come: the lowest numbered one no further than the next number expected.</summary>
    private static HeldEvent? NextReleasable(this OrderSyncState state) =>
        state.HeldEvents.FirstOrDefault(h => h.Sequence <= state.LastArrivalSequence + 1);

    private static void ReleaseNext(this OrderSyncState state, List<Decision> decisions)
    {
        if (state.NextReleasable() is { } next)
        {
            decisions.Add(new ReleaseHeldEvent(next.Message(), next.Sequence));
        }
    }

    // ---- Shipments and tracks ----

    private static void RecordShipment(this OrderSyncState state, ShipmentReceived shipment, DateTimeOffset now, TimeSpan trackingChangeWindow, List<Decision> decisions)
    {
        var known = state.Shipments.FirstOrDefault(s => s.ShipmentId == shipment.ShipmentId);
        if (known is not null)
        {
            // Commerce saved the shipment again (its items do not change): a track it now carries counts as a track event.
            if (shipment.Tracks.Count > 0)
            {
                state.ApplyTrack(known, shipment.Tracks[^1], shipment.Context, now, trackingChangeWindow, decisions);
            }

            return;
        }

        var pending = state.PendingTracks.LastOrDefault(t => t.ShipmentId == shipment.ShipmentId);
        state.PendingTracksList.RemoveAll(t => t.ShipmentId == shipment.ShipmentId);

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
        state.ShipmentsList.Add(record);

        if (record.Track is not null)
        {
            record.Status = ShipmentStatus.Queued;
            state.EnqueueShip(record.TrackEventId, record.ShipmentId);
        }
    }

    private static void RecordTrack(this OrderSyncState state, TrackReceived track, DateTimeOffset now, TimeSpan trackingChangeWindow, List<Decision> decisions)
    {
        var shipment = state.Shipments.FirstOrDefault(s => s.ShipmentId == track.ShipmentId);
        if (shipment is null)
        {
            if (state.PendingTracks.Any(t => t.ShipmentId == track.ShipmentId && t.EventTime > track.Context.EventTime))
            {
                return;
            }

            state.PendingTracksList.RemoveAll(t => t.ShipmentId == track.ShipmentId);
            state.PendingTracksList.Add(new PendingTrack(track.ShipmentId, track.Context.EventId, track.Track, track.Context.EventTime));
            return;
        }

        state.ApplyTrack(shipment, track.Track, track.Context, now, trackingChangeWindow, decisions);
    }

    /// <summary>
    /// A new track for a shipment the order knows: ship it, or correct the tracking Walmart has. Events of one order may reach
    /// several workers out of order, so a track Commerce saved before the current one changes nothing.
    /// </summary>
    private static void ApplyTrack(
        this OrderSyncState state,
        ShipmentRecord shipment,
        ShipmentTrack track,
        OrderEventContext context,
        DateTimeOffset now,
        TimeSpan trackingChangeWindow,
        List<Decision> decisions)
    {
        if (shipment.Track is not null && shipment.TrackEventTime > context.EventTime)
        {
            return;
        }

        var previous = shipment.Track;
        shipment.Track = track;
        shipment.TrackEventId = context.EventId;
        shipment.TrackEventTime = context.EventTime;
        switch (shipment.Status)
        {
            case ShipmentStatus.WaitingForTrack:
                shipment.Status = ShipmentStatus.Queued;
                state.EnqueueShip(context.EventId, shipment.ShipmentId);
                break;
            case ShipmentStatus.Queued:
                // A queued ship is built when it is dispatched, so it carries the newest track; one already in flight is followed by a
                // tracking update when it completes.
                break;
            case ShipmentStatus.Synced when shipment.TrackingChangeWindowClosed(now, trackingChangeWindow):
                // Told once per change: the same track saved again is no new change, and Walmart may hold it by now from Seller Center.
                if (shipment.NeedsTrackingUpdate() && (previous is null || previous.DiffersForWalmart(track)))
                {
                    var reason = TrackingChangeTooLate(shipment, trackingChangeWindow);
                    state.LastError = reason;
                    state.OrderStatus = OrderStatuses.Error;
                    decisions.Add(Refused(state, context, SyncOperations.TrackingUpdate, reason, now));
                }

                break;
            case ShipmentStatus.Synced:
                state.KeepTrackingCurrent(shipment);
                break;
            case ShipmentStatus.Failed when previous is null || previous.DiffersForWalmart(track):
                // A new number, carrier or URL may be the fix the refusal asked for (a URL for a carrier Walmart does not know).
                // The failed ship runs again as the same operation, not a new one: it keeps the lines it settled on, so lines Walmart
                // applied before its answer was lost are not shipped again (a new ship would take other open lines of the same SKU).
                state.Operations.Last(o => o.ShipmentId == shipment.ShipmentId && o.Kind == WalmartOperationKind.Ship).Requeue(context.EventId, state.LastEventTime);
                shipment.Status = ShipmentStatus.Queued;
                break;
        }
    }

    /// <summary>
    /// Walmart takes a tracking change only within a window after the shipment's first shipping update; a later one must be made in
    /// Seller Center, so it is refused here rather than sent to be refused. A shipment whose shipping time is unknown (synced before
    /// it was kept) sends its change and Walmart decides. A change queued before the window closed is still sent: Walmart judges it.
    /// </summary>
    private static bool TrackingChangeWindowClosed(this ShipmentRecord shipment, DateTimeOffset now, TimeSpan window) =>
        shipment.ShippedOnWalmartAt is { } shippedAt && now - shippedAt > window;

    private static string TrackingChangeTooLate(ShipmentRecord shipment, TimeSpan window) =>
        $"The new tracking number of shipment {shipment.IncrementId} was not sent to Walmart: Walmart accepts tracking changes for " +
        $"{InWords(window)} after shipping; change it in Seller Center.";

    /// <summary>A whole number of the largest unit that fits, as a merchant reads it: 3 days, 4 hours, 90 minutes, 30 seconds.</summary>
    private static string InWords(TimeSpan span)
    {
        var (count, unit) = span.Ticks % TimeSpan.TicksPerDay == 0 ? ((long)span.TotalDays, "day")
            : span.Ticks % TimeSpan.TicksPerHour == 0 ? ((long)span.TotalHours, "hour")
            : span.Ticks % TimeSpan.TicksPerMinute == 0 ? ((long)span.TotalMinutes, "minute")
            : ((long)Math.Ceiling(span.TotalSeconds), "second");
        return count == 1 ? $"1 {unit}" : $"{count} {unit}s";
    }

    /// <summary>The shipment is on Walmart with another tracking number than Commerce's.</summary>
    private static bool NeedsTrackingUpdate(this ShipmentRecord shipment) =>
        shipment.Status == ShipmentStatus.Synced && shipment.Track is not null && !IsOnWalmart(shipment.Track.TrackNumber, shipment.SentTrackingNumber);

    /// <summary>Queues a tracking update when the shipment's track differs from what Walmart accepted, unless one is already queued.</summary>
    private static void KeepTrackingCurrent(this OrderSyncState state, ShipmentRecord shipment)
    {
        if (!shipment.NeedsTrackingUpdate())
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
    /// A ship that failed while Commerce saved another track for its shipment runs again with that track, which may be the fix
    /// (a URL for a carrier Walmart does not know): it keeps its operation and lines, as a failed ship given a new track does.
    /// </summary>
    private static void RetryWithTrackSavedMeanwhile(this OrderSyncState state, OperationRecord operation)
    {
        if (operation is not { Kind: WalmartOperationKind.Ship, Status: OperationStatus.Failed, DispatchedTrack: { } dispatched })
        {
            return;
        }

        var shipment = state.Shipment(operation);
        if (shipment.Track is { } current && current.DiffersForWalmart(dispatched))
        {
            operation.Requeue(shipment.TrackEventId ?? operation.CausationId, shipment.TrackEventTime);
            shipment.Status = ShipmentStatus.Queued;
        }
    }

    /// <summary>Another number, carrier or URL: what Walmart receives; the track's own id in Commerce is not sent.</summary>
    private static bool DiffersForWalmart(this ShipmentTrack track, ShipmentTrack other) => (track with { TrackId = other.TrackId }) != other;

    /// <summary>
    /// The Walmart client sends a number in its carrier's form normalised (letters and digits only, upper case), so Walmart
    /// holding Commerce's number in other spacing or case needs no update; comparing as typed would update it forever.
    /// </summary>
    private static bool IsOnWalmart(string commerceNumber, string? walmartNumber) =>
        walmartNumber is not null && LettersAndDigits(commerceNumber) == LettersAndDigits(walmartNumber);

    private static string LettersAndDigits(string number) => new([.. number.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);

    // ---- Cancellation ----

    /// <returns>
    /// Null when the cancellation is queued, or changes nothing because one is already queued or done; otherwise why it was refused
    /// before any Walmart call.
    /// </returns>
    private static string? RecordCancellation(this OrderSyncState state, CancellationRequested cancellation)
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

    /// <summary>Why a cancellation cannot cancel anything, when every line of the order is already seen closed.</summary>
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

    // ---- Operations: queued in order, one in flight at a time ----

    /// <summary>Marks the next queued operation in flight and sends it, unless one is already in flight.</summary>
    private static void DispatchNext(this OrderSyncState state, List<Decision> decisions)
    {
        if (state.InFlight is not null)
        {
            return;
        }

        var next = state.Operations.FirstOrDefault(o => o.Status == OperationStatus.Queued && state.MayStart(o));
        if (next is null)
        {
            return;
        }

        next.Status = OperationStatus.InFlight;
        next.DispatchedTrack = next.Kind == WalmartOperationKind.Ship ? state.Shipment(next).Track : null;
        decisions.Add(new SendOperation(state.BuildCommand(next)));
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

    private static ExecuteWalmartOperation BuildCommand(this OrderSyncState state, OperationRecord operation)
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

    /// <summary>
    /// A ship goes before a cancellation still waiting its turn: Commerce cannot ship a cancelled order, so the shipment was made
    /// before the cancellation and only overtaken by it on the way.
    /// </summary>
    private static void EnqueueShip(this OrderSyncState state, string causationId, string shipmentId)
    {
        var cancellation = state.OperationsList.FindIndex(o => o.Kind == WalmartOperationKind.Cancel && o.Status == OperationStatus.Queued);
        var operation = NewOperation(WalmartOperationKind.Ship, causationId, shipmentId, state.LastEventTime);
        if (cancellation < 0)
        {
            state.OperationsList.Add(operation);
        }
        else
        {
            state.OperationsList.Insert(cancellation, operation);
        }
    }

    private static void Enqueue(this OrderSyncState state, WalmartOperationKind kind, string causationId, string? shipmentId) =>
        state.OperationsList.Add(NewOperation(kind, causationId, shipmentId, state.LastEventTime));

    private static OperationRecord NewOperation(WalmartOperationKind kind, string causationId, string? shipmentId, DateTimeOffset? causationTime) => new()
    {
        CausationTime = causationTime,
        OperationId = Guid.CreateVersion7(),
        Kind = kind,
        CausationId = causationId,
        ShipmentId = shipmentId,
        Status = OperationStatus.Queued,
    };

    // ---- Statuses ----

    /// <summary>Canceled once the order's cancellation went through or Walmart cancelled every unit, else Shipped once every Walmart line is shipped or cancelled, else Partially Shipped.</summary>
    internal static string SyncedStatus(this OrderSyncState state) =>
        state.Cancellation?.Status == CancellationStatus.Synced ? OrderStatuses.Canceled
        : state.WalmartLines.Count > 0 && state.WalmartLines.All(l => l.Cancelled >= l.Quantity) ? OrderStatuses.Canceled
        : state.WalmartLines.Count > 0 && state.WalmartLines.All(l => l.IsClosed) ? OrderStatuses.Shipped
        : OrderStatuses.PartiallyShipped;
}
