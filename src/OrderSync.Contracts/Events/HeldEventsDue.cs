namespace OrderSync.Contracts.Events;

/// <summary>
/// A timer of the saga's own, sent through a wait queue when it first holds an event that came early: by now the event has
/// waited long enough for the ones before it, and is applied without them.
/// </summary>
public sealed record HeldEventsDue
{
    public required Guid CorrelationId { get; init; }
}
