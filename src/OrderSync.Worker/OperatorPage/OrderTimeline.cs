using OrderSync.Domain.State;
using OrderSync.Persistence;
using OrderSync.Persistence.Orders;

namespace OrderSync.Worker.OperatorPage;

/// <summary>One order's history, oldest first: the Commerce events read, the Walmart calls with their answers, the results published.</summary>
public static class OrderTimeline
{
    public sealed record Entry(DateTimeOffset At, string What, string Detail, string Kind);

    public static IReadOnlyList<Entry> Of(
        OrderSyncState state, IReadOnlyList<ArrivedEvent> events, IReadOnlyList<WalmartCallRecord> calls, IReadOnlyList<FinishedOperation> operations)
    {
        var entries = new List<Entry>();
        foreach (var arrived in events)
        {
            var standing = state.IsApplied(arrived.EventId) ? "applied" : state.Holds(arrived.EventId) ? "held for an earlier event" : "not applied";
            entries.Add(new Entry(arrived.ArrivedAt, $"Commerce event {arrived.Sequence}: {EventName(state, arrived.EventId)}", $"{arrived.EventId} ({standing})", "event"));
        }

        foreach (var call in calls)
        {
            var answer = call.HttpStatus is { } status ? $"HTTP {status} {call.Outcome}" : call.Outcome;
            var detail = string.Join(" ", new[] { answer, call.Message, call.WalmartErrorsJson }.Where(part => !string.IsNullOrWhiteSpace(part)));
            entries.Add(new Entry(call.CalledAt, $"Walmart call: {call.Operation} (attempt {call.Attempt})", detail, "call"));
        }

        foreach (var operation in operations.Where(operation => operation.Status is "succeeded" or "failed"))
        {
            var type = operation.Status == "failed" ? "walmart.order.sync.failed"
                : operation.Kind.Contains("cancel", StringComparison.OrdinalIgnoreCase) ? "walmart.order.cancellation.synced"
                : "walmart.order.shipment.synced";
            var detail = $"answers {operation.CausationId}, after {operation.Attempts} attempt(s)" + (operation.LastError is null ? string.Empty : $": {operation.LastError}");
            entries.Add(new Entry(operation.UpdatedAt, $"Result published: {type}", detail, "result"));
        }

        return [.. entries.OrderBy(entry => entry.At)];
    }

    private static string EventName(OrderSyncState state, string eventId) =>
        state.Shipments.FirstOrDefault(shipment => shipment.EventId == eventId) is { } shipment ? $"shipment {shipment.IncrementId} saved"
        : state.Shipments.FirstOrDefault(shipment => shipment.TrackEventId == eventId) is { Track: { } track } ? $"track {track.TrackNumber} saved"
        : state.Cancellation?.EventId == eventId ? "order cancelled"
        : "order event";
}
