namespace OrderSync.Domain.Decisions;

/// <summary>Logged and counted: an event applied without earlier events of its order, which did not come within the wait.</summary>
public sealed record AppliedWithoutEarlierEvents(string EventId, int Sequence, int FirstMissing, int LastMissing) : Decision;
