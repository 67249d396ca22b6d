using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.Reconciliation;
using OrderSync.Domain.State;

namespace OrderSync.Domain;

public static partial class OrderSyncRules
{
    // ---- Reconciling: what Walmart did that Commerce did not ask for, and work nobody finished ----

    /// <summary>
    /// A reconciling pass looked at the order. Changes Walmart shows are reported once and become the order's view of its lines,
    /// so later planning and statuses count them; an operation in flight with nothing left to carry it is sent again (its plan and
    /// lock make a copy harmless); a shipment waiting too long for its track is reported, then puts the order in Error.
    /// </summary>
    public static Decided On(OrderSyncState state, WalmartOrderReconciled reconciled, DateTimeOffset now, TrackWaitLimits trackWait)
    {
        List<Decision> decisions = [];
        var comparedBefore = state.ComparedWithWalmartAt is not null;
        var linesBefore = state.WalmartLines;

        // While an operation of the order is in flight, what Walmart shows may be that operation's own doing; and lines an operation
        // brought back after the pass began are newer than what the pass read. Either way the next pass reads the order again.
        if (reconciled.WalmartLines is { } seen)
        {
            if (state.InFlight is null && !(state.WalmartLinesSeenAt > reconciled.CheckedAt))
            {
                state.AdoptWalmartLines(seen, reconciled, decisions);
                state.ComparedWithWalmartAt = reconciled.CheckedAt;
            }
            else
            {
                state.ComparedWithWalmartAt = null;
            }
        }

        state.RedispatchStuck(reconciled.StuckOperations, decisions);
        state.WatchTrackWait(now, trackWait, decisions);

        // Saved only when something changed: a save counts as the order's last sign of life, which tells a stuck operation, and as
        // a change since the pass, which brings the order back to the next one.
        var changed = decisions.Count > 0 || comparedBefore != (state.ComparedWithWalmartAt is not null) || !linesBefore.SequenceEqual(state.WalmartLines);
        return new Decided(changed, decisions);
    }

    private static void AdoptWalmartLines(this OrderSyncState state, IReadOnlyList<OrderLineState> seen, WalmartOrderReconciled reconciled, List<Decision> decisions)
    {
        var changes = WalmartChangeDetector.Compare(state.WalmartLines, seen);
        state.WalmartLinesList = [.. seen];
        state.WalmartLinesSeenAt = reconciled.CheckedAt;
        foreach (var change in changes.Where(c => c.Change == WalmartChanges.TrackingChanged))
        {
            // Walmart now holds this number: a later Commerce track is compared with it, not with the one the worker sent.
            foreach (var shipment in state.Shipments.Where(s => s.WalmartLines.Contains(change.LineNumber)))
            {
                shipment.SentTrackingNumber = change.TrackingNumber;
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        if (state.OrderStatus != OrderStatuses.Error)
        {
            state.OrderStatus = state.SyncedStatus();
        }

        decisions.Add(new PublishResult(SyncResults.ChangedOnWalmart(state, changes, reconciled), reconciled.CheckedAt));
    }

    private static void RedispatchStuck(this OrderSyncState state, IReadOnlyList<Guid> stuck, List<Decision> decisions)
    {
        if (state.InFlight is not { } operation || !stuck.Contains(operation.OperationId))
        {
            return;
        }

        var command = state.BuildCommand(operation);
        if (command.Shipment is { } shipment && operation.Kind == WalmartOperationKind.Ship && operation.DispatchedTrack is { } dispatched)
        {
            // The same operation as first sent: a track saved since is sent by the tracking update that follows its completion.
            command = command with { Shipment = shipment with { Track = dispatched } };
        }

        decisions.Add(new SendOperation(command));
        decisions.Add(new OperationRedispatched(operation.OperationId, operation.Kind));
    }

    private static void WatchTrackWait(this OrderSyncState state, DateTimeOffset now, TrackWaitLimits limits, List<Decision> decisions)
    {
        foreach (var shipment in state.Shipments.Where(s => s.Status == ShipmentStatus.WaitingForTrack))
        {
            var waited = now - shipment.ShippedAt;
            if (waited >= limits.ReportAfter && shipment.TrackOverdueSince is null)
            {
                shipment.TrackOverdueSince = now;
                decisions.Add(new ShipmentTrackOverdue(shipment.IncrementId, waited));
            }

            if (waited >= limits.ErrorAfter && !shipment.TrackWaitFailed)
            {
                shipment.TrackWaitFailed = true;
                var reason = $"Shipment {shipment.IncrementId} has waited more than {InWords(limits.ErrorAfter)} for its tracking number, so it was not " +
                    "sent to Walmart; add the track to the shipment in Commerce, or ship it in Seller Center.";
                state.LastError = reason;
                state.OrderStatus = OrderStatuses.Error;
                decisions.Add(new PublishResult(SyncResults.TrackWaitExpired(state, shipment, reason, now), now));
            }
        }
    }
}
