using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;

namespace OrderSync.Domain.Reconciliation;

/// <summary>
/// What Walmart shows that the order did not know: units cancelled or shipped there, or tracking changed there. Walmart's
/// statuses only move forward, so a change is more units closed than known, or another tracking number on shipped units.
/// </summary>
public static class WalmartChangeDetector
{
    public static IReadOnlyList<ChangedLine> Compare(IReadOnlyList<OrderLineState> known, IReadOnlyList<OrderLineState> seen)
    {
        var changes = new List<ChangedLine>();
        foreach (var line in seen)
        {
            var before = known.FirstOrDefault(k => k.LineNumber == line.LineNumber);
            var cancelled = line.Cancelled - (before?.Cancelled ?? 0);
            if (cancelled > 0)
            {
                changes.Add(new ChangedLine(line.LineNumber, line.Sku, cancelled, "Cancelled", WalmartChanges.Cancelled)
                {
                    CancellationReason = line.CancellationReason,
                });
            }

            var shipped = line.Shipped - (before?.Shipped ?? 0);
            if (shipped > 0)
            {
                changes.Add(new ChangedLine(line.LineNumber, line.Sku, shipped, "Shipped", WalmartChanges.Shipped)
                {
                    Carrier = line.Carrier,
                    TrackingNumber = line.TrackingNumber,
                });
            }
            else if (line.Shipped > 0 && before?.TrackingNumber is { } knownNumber && line.TrackingNumber is { } seenNumber
                && !SameTrackingNumber(knownNumber, seenNumber))
            {
                changes.Add(new ChangedLine(line.LineNumber, line.Sku, line.Shipped, "Shipped", WalmartChanges.TrackingChanged)
                {
                    Carrier = line.Carrier,
                    TrackingNumber = seenNumber,
                });
            }
        }

        return changes;
    }

    /// <summary>Walmart may hold a number in other spacing or case than it was sent in; that is no change.</summary>
    public static bool SameTrackingNumber(string one, string other) => LettersAndDigits(one) == LettersAndDigits(other);

    private static string LettersAndDigits(string number) => new([.. number.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
