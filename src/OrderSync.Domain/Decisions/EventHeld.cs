namespace OrderSync.Domain.Decisions;

/// <summary>Logged: an event came before an earlier one of its order and is held for it.</summary>
public sealed record EventHeld(string EventId, int Sequence, int NextExpected) : Decision;
