using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

/// <summary>
/// The intake numbers each order's events as it reads them; the saga applies them in that order. One that comes before an
/// earlier one (consumed on another instance, or retried) is held in the state until that one is applied, or until it has
/// waited long enough: the earlier one may be dead-lettered, and an order must not wait for it for ever.
/// </summary>
public static class ArrivalOrderRules
{
    public static bool ComesEarly(this OrderSyncState state, OrderEventContext context, DateTimeOffset now, TimeSpan wait) =>
        context.ArrivalSequence is { } sequence
        && sequence > state.LastArrivalSequence + 1
        && now - (context.ArrivedAt ?? now) < wait;

    public static bool Holds(this OrderSyncState state, string eventId) => state.HeldEvents.Any(h => h.EventId == eventId);

    /// <summary>An event under the id of a held one whose contents differ: not a copy, and it must not take the held one's place.</summary>
    public static bool ConflictsWithHeld(this OrderSyncState state, OrderEventContext context) =>
        context.ContentDigest is not null
        && state.HeldEvents.FirstOrDefault(h => h.EventId == context.EventId)?.Message().Context.ContentDigest is { } held
        && held != context.ContentDigest;

    /// <returns>False when the event is held already (a copy of it came early too).</returns>
    public static bool Hold(this OrderSyncState state, IOrderEvent orderEvent)
    {
        if (state.Holds(orderEvent.Context.EventId))
        {
            return false;
        }

        // An order's first event may be one that came early: the saga knows its order from it.
        state.StoreCode = orderEvent.Context.StoreCode;
        state.PurchaseOrderId = orderEvent.Context.PurchaseOrderId;
        state.HeldEvents.Add(HeldEvent.Of(orderEvent));
        state.HeldEvents.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return true;
    }

    /// <summary>The event goes on to be applied: it is no longer held, and its number counts as reached.</summary>
    public static void Admit(this OrderSyncState state, OrderEventContext context)
    {
        state.HeldEvents.RemoveAll(h => h.EventId == context.EventId);
        if (context.ArrivalSequence is { } sequence)
        {
            state.LastArrivalSequence = Math.Max(state.LastArrivalSequence, sequence);
        }
    }

    /// <summary>The held event whose turn has come: the lowest numbered one no further than the next number expected.</summary>
    public static HeldEvent? NextReleasable(this OrderSyncState state) =>
        state.HeldEvents.FirstOrDefault(h => h.Sequence <= state.LastArrivalSequence + 1);

    /// <summary>The lowest numbered held event that has waited its time, to be applied without the events before it.</summary>
    public static HeldEvent? FirstDue(this OrderSyncState state, DateTimeOffset now, TimeSpan wait) =>
        state.HeldEvents.FirstOrDefault(h => now - h.ArrivedAt >= wait);
}
