namespace OrderSync.Domain.Decisions;

/// <summary>Deliver <see cref="Contracts.Events.HeldEventsDue"/> to the order at this time: its oldest held event will have waited long enough.</summary>
public sealed record WakeUpAt(DateTimeOffset At) : Decision;
