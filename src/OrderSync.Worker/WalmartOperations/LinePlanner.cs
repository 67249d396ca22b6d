using OrderSync.Contracts.Events;
using OrderSync.Walmart;

namespace OrderSync.Worker.WalmartOperations;

/// <summary>Maps Commerce quantities onto Walmart's lines, which usually hold one unit each, by SKU and open quantity.</summary>
public static class LinePlanner
{
    /// <param name="heldByOthers">
    /// The lines other shipments of the order settled on and have not applied (they failed, and wait for a fix and a retry). Such a
    /// line is not this shipment's to touch, not even its other units: the failed shipment, run again, tells its own earlier call
    /// from nothing by the line's open quantity, and a change made by another would make it report done with its units unshipped.
    /// </param>
    public static LinePlan PlanShipment(WalmartOrder order, IReadOnlyList<ShipmentItem> items, IReadOnlyList<PlannedLine>? heldByOthers = null)
    {
        var open = order.Lines.ToDictionary(l => l.LineNumber, l => l.OpenQuantity);
        var held = new Dictionary<string, int>();
        foreach (var lineNumber in StillToApply(order, heldByOthers ?? []).Select(l => l.LineNumber).Distinct())
        {
            held[lineNumber] = open[lineNumber];
            open[lineNumber] = 0;
        }

        var planned = new List<PlannedLine>();
        foreach (var (sku, quantity) in items.GroupBy(i => i.Sku, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(i => i.Quantity))))
        {
            var lines = order.Lines.Where(l => string.Equals(l.Sku, sku, StringComparison.Ordinal)).OrderBy(l => l.LineNumber, LineNumberComparer.Instance).ToList();
            if (lines.Count == 0)
            {
                return LinePlan.Refused($"SKU {sku} is not on Walmart order {order.PurchaseOrderId}.");
            }

            var available = lines.Sum(l => open[l.LineNumber]);
            if (quantity > available)
            {
                var heldUnits = lines.Sum(l => held.GetValueOrDefault(l.LineNumber));
                var heldNote = heldUnits == 0
                    ? string.Empty
                    : $" {heldUnits} more {(heldUnits == 1 ? "is" : "are")} on lines held by an earlier shipment of the order that failed: resync the order once its cause is fixed.";
                return LinePlan.Refused(
                    $"The shipment has {quantity} of SKU {sku}, but only {available} of it {(available == 1 ? "is" : "are")} left to ship on Walmart order {order.PurchaseOrderId}.{heldNote}");
            }

            var remaining = quantity;
            foreach (var line in lines)
            {
                var take = Math.Min(remaining, open[line.LineNumber]);
                if (take > 0)
                {
                    planned.Add(new PlannedLine(line.LineNumber, sku, take, open[line.LineNumber]));
                    open[line.LineNumber] -= take;
                    remaining -= take;
                }

                if (remaining == 0)
                {
                    break;
                }
            }
        }

        return new LinePlan(planned, null);
    }

    /// <summary>
    /// Commerce cancels whole orders: every unit not yet shipped or cancelled, except units Commerce shipped that Walmart does
    /// not show shipped yet: their shipment is still on its way (it may arrive after the cancellation), and takes the same
    /// lowest-numbered open lines the shipment planner would.
    /// </summary>
    public static LinePlan PlanCancellation(WalmartOrder order, IReadOnlyList<ShippedQuantity> shippedInCommerce)
    {
        var keep = shippedInCommerce
            .GroupBy(s => s.Sku, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => Math.Max(0, g.Sum(s => s.Quantity) - order.Lines.Where(l => l.Sku == g.Key).Sum(l => l.ShippedQuantity)),
                StringComparer.Ordinal);
        var planned = new List<PlannedLine>();
        foreach (var line in order.Lines.Where(l => l.OpenQuantity > 0).OrderBy(l => l.LineNumber, LineNumberComparer.Instance))
        {
            var kept = Math.Min(line.OpenQuantity, keep.GetValueOrDefault(line.Sku));
            keep[line.Sku] = keep.GetValueOrDefault(line.Sku) - kept;
            if (line.OpenQuantity > kept)
            {
                planned.Add(new PlannedLine(line.LineNumber, line.Sku, line.OpenQuantity - kept, line.OpenQuantity));
            }
        }

        if (planned.Count > 0)
        {
            return new LinePlan(planned, null);
        }

        return order.Lines.Any(l => l.OpenQuantity > 0)
            ? LinePlan.Refused($"Every open unit of Walmart order {order.PurchaseOrderId} is shipped in Commerce, its shipment still to reach Walmart, so nothing is left to cancel.")
            : LinePlan.Refused($"Every line of Walmart order {order.PurchaseOrderId} is already shipped or cancelled, so nothing is left to cancel.");
    }

    /// <summary>A tracking update corrects the lines the shipment was sent on.</summary>
    public static LinePlan PlanTrackingUpdate(WalmartOrder order, IReadOnlyList<string> lineNumbers)
    {
        var planned = order.Lines
            .Where(l => lineNumbers.Contains(l.LineNumber))
            .Select(l => new PlannedLine(l.LineNumber, l.Sku, l.ShippedQuantity, l.OpenQuantity))
            .ToList();
        return planned.Count > 0
            ? new LinePlan(planned, null)
            : LinePlan.Refused($"The shipment's lines are not on Walmart order {order.PurchaseOrderId}.");
    }

    /// <summary>
    /// Lines already in the wanted state count as done: the call may have been applied before its answer was lost.
    /// A ship or cancel lowers a line's open quantity by what it asked, and nothing else of this order runs meanwhile.
    /// </summary>
    public static IReadOnlyList<PlannedLine> StillToApply(WalmartOrder order, IEnumerable<PlannedLine> plan) =>
        [.. plan.Where(p => Line(order, p).OpenQuantity > p.OpenBefore - p.Quantity)];

    public static IReadOnlyList<PlannedLine> StillToRetrack(WalmartOrder order, IEnumerable<PlannedLine> plan, string trackingNumber) =>
        [.. plan.Where(p => Line(order, p).TrackingNumber != trackingNumber)];

    private static WalmartOrderLine Line(WalmartOrder order, PlannedLine planned) =>
        order.Lines.First(l => l.LineNumber == planned.LineNumber);

    private sealed class LineNumberComparer : IComparer<string>
    {
        public static readonly LineNumberComparer Instance = new();

        public int Compare(string? x, string? y) =>
            int.TryParse(x, out var a) && int.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }
}
