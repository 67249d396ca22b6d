using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Checks a scenario's end against what it published. An event is lost when the result that must answer it never came; an order is
/// wrong when the sandbox does not show it as Commerce left it (units shipped by SKU, tracking numbers, cancelled lines and reason),
/// when its last result carries the wrong status, or when it got a sync.failed; a line is done twice when the sandbox applied more
/// ship or cancel units to it than it holds, or other than it shows.
/// </summary>
public static class Ledger
{
    public static LedgerVerdict Check(Workload workload, IReadOnlyCollection<ReceivedResult> results, SandboxSnapshot sandbox)
    {
        var problems = new List<string>();
        var byOrder = results.ToLookup(r => r.Subject);
        var appliedByOrder = sandbox.Applied.ToLookup(a => a.PurchaseOrderId);
        var unansweredByOrder = sandbox.Unanswered.ToLookup(a => a.PurchaseOrderId);
        int lost = 0, wrong = 0, twice = 0;

        foreach (var order in workload.Orders)
        {
            var received = byOrder[order.PurchaseOrderId].ToList();
            var orderProblems = new List<string>();

            foreach (var plannedEvent in order.Events.Where(e => !received.Any(r => Answers(r, e.Answer))))
            {
                lost++;
                orderProblems.Add($"event {plannedEvent.Id} lost: no {plannedEvent.Answer}");
            }

            orderProblems.AddRange(received.Where(r => r.Type == ExpectedResult.SyncFailed).Select(r => $"sync.failed: {r.Data.GetProperty("statusDetails").GetString()}"));
            var last = received.MaxBy(r => r.Data.GetProperty("occurredAt").GetDateTimeOffset());
            if (last is not null && last.Data.GetProperty("orderStatus").GetString() != order.FinalStatus)
            {
                orderProblems.Add($"last result {last.Type} says {last.Data.GetProperty("orderStatus").GetString()}, not {order.FinalStatus}");
            }

            orderProblems.AddRange(StateProblems(order, sandbox));
            var (lineTwice, callProblems) = CallProblems(order, sandbox, appliedByOrder[order.PurchaseOrderId].ToList(), unansweredByOrder[order.PurchaseOrderId].ToList());
            twice += lineTwice;
            orderProblems.AddRange(callProblems);

            if (orderProblems.Count > 0)
            {
                wrong++;
                problems.AddRange(orderProblems.Select(p => $"{order.Script} order {order.PurchaseOrderId} ({order.Store}): {p}"));
            }
        }

        var repeated = results
            .GroupBy(r => (r.Subject, r.Type, Shipment: ShipmentOf(r), Tracking: string.Join(",", TrackingOf(r))))
            .Sum(g => g.Count() - 1);
        return new LedgerVerdict(
            workload.Events.Count,
            lost,
            workload.Orders.Count,
            wrong,
            twice,
            results.Count(r => r.Type == ExpectedResult.SyncFailed),
            repeated,
            results.Count,
            problems);
    }

    public static bool Answers(ReceivedResult result, ExpectedResult expected) =>
        result.Type == expected.Type
        && (expected.ShipmentId is null || ShipmentOf(result) == expected.ShipmentId)
        && (expected.TrackingNumber is null || TrackingOf(result).Contains(expected.TrackingNumber));

    private static string? ShipmentOf(ReceivedResult result) =>
        result.Data.TryGetProperty("shipmentId", out var shipment) ? shipment.GetString() : null;

    private static IEnumerable<string> TrackingOf(ReceivedResult result) =>
        result.Data.TryGetProperty("lines", out var lines) && lines.ValueKind == JsonValueKind.Array
            ? lines.EnumerateArray().Where(l => l.TryGetProperty("trackingNumber", out _)).Select(l => l.GetProperty("trackingNumber").GetString() ?? string.Empty)
            : [];

    private static IEnumerable<string> StateProblems(PlannedOrder order, SandboxSnapshot sandbox)
    {
        if (!sandbox.Lines.TryGetValue(order.PurchaseOrderId, out var lines))
        {
            yield return "not in the sandbox";
            yield break;
        }

        foreach (var sku in order.Skus.Distinct())
        {
            var ofSku = lines.Where(l => l.Sku == sku).ToList();
            var shipped = order.Shipped.GetValueOrDefault(sku);
            var cancelled = order.IsCancelled ? ofSku.Sum(l => l.Quantity) - shipped : 0;
            if (ofSku.Sum(l => l.Shipped) != shipped || ofSku.Sum(l => l.Cancelled) != cancelled)
            {
                yield return $"SKU {sku}: {ofSku.Sum(l => l.Shipped)} shipped and {ofSku.Sum(l => l.Cancelled)} cancelled on Walmart, expected {shipped} and {cancelled}";
            }
        }

        var tracking = lines.SelectMany(l => l.TrackingNumbers).Order(StringComparer.Ordinal).ToList();
        if (!tracking.SequenceEqual(order.TrackingNumbers.Order(StringComparer.Ordinal)))
        {
            yield return $"tracking on Walmart [{string.Join(", ", tracking)}], expected [{string.Join(", ", order.TrackingNumbers)}]";
        }

        var reasons = lines.SelectMany(l => l.CancellationReasons).Distinct().ToList();
        if (reasons.Any(r => r != PlannedOrder.CancellationReason))
        {
            yield return $"cancellation reasons [{string.Join(", ", reasons)}]";
        }
    }

    /// <returns>Problems with the calls of each line; <c>Twice</c> counts lines that received more applied units than they hold.</returns>
    private static (int Twice, List<string> Problems) CallProblems(PlannedOrder order, SandboxSnapshot sandbox, List<AppliedCall> applied, List<AppliedCall> unanswered)
    {
        var problems = new List<string>();
        var twice = 0;
        if (!sandbox.Lines.TryGetValue(order.PurchaseOrderId, out var lines))
        {
            return (twice, problems);
        }

        foreach (var line in lines)
        {
            int Units(List<AppliedCall> calls, string operation) => calls.Where(a => a.LineNumber == line.LineNumber && a.Operation == operation).Sum(a => a.Quantity);
            var (shipped, cancelled) = (Units(applied, "shipping"), Units(applied, "cancel"));
            var (maybeShipped, maybeCancelled) = (Units(unanswered, "shipping"), Units(unanswered, "cancel"));
            var calls = $"line {line.LineNumber} ({line.Quantity} unit): applied ship calls moved {shipped} units, cancel calls {cancelled} ({maybeShipped + maybeCancelled} more unanswered); the sandbox shows {line.Shipped} shipped, {line.Cancelled} cancelled";
            if (shipped + cancelled > line.Quantity)
            {
                twice++;
                problems.Add("applied twice: " + calls);
            }
            else if (line.Shipped < shipped || line.Shipped > shipped + maybeShipped || line.Cancelled < cancelled || line.Cancelled > cancelled + maybeCancelled)
            {
                problems.Add("calls do not add up: " + calls);
            }
        }

        return (twice, problems);
    }
}
