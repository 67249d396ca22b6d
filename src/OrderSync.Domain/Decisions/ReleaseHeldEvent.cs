using OrderSync.Contracts.Events;

namespace OrderSync.Domain.Decisions;

/// <summary>Deliver this held event to the order again: its turn has come, or it has waited long enough. It stays held until it is back.</summary>
public sealed record ReleaseHeldEvent(IOrderEvent Event, int Sequence) : Decision;
