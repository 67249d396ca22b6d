namespace OrderSync.Cli.DeadLetters;

/// <summary>Dead letters of one queue that failed for the same reason.</summary>
public sealed record DeadLetterGroup(
    string Queue,
    string Reason,
    IReadOnlyList<string> ExceptionTypes,
    int Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Ids)
{
    public static IReadOnlyList<DeadLetterGroup> Of(IEnumerable<DeadLetter> messages) =>
        [.. messages
            .GroupBy(message => (message.Queue, message.Reason))
            .Select(group => new DeadLetterGroup(
                group.Key.Queue,
                group.Key.Reason,
                [.. group.Select(message => message.ExceptionType).OfType<string>().Distinct(StringComparer.Ordinal)],
                group.Count(),
                group.Min(message => message.FaultedAt),
                group.Max(message => message.FaultedAt),
                [.. group.Select(message => message.Id).Distinct(StringComparer.OrdinalIgnoreCase)]))
            .OrderBy(group => group.Queue, StringComparer.Ordinal)
            .ThenByDescending(group => group.Count)
            .ThenBy(group => group.Reason, StringComparer.Ordinal)];
}
