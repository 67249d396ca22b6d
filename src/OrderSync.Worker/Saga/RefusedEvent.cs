namespace OrderSync.Worker.Saga;

/// <summary>
/// A Commerce event the saga refused without an operation (a cancellation Walmart cannot take, an event that failed validation),
/// kept so that a copy of it sends its Error result again: the first left from memory after the commit and may have been lost.
/// </summary>
public sealed record RefusedEvent(string EventId, string Operation, string Reason, DateTimeOffset RefusedAt);
