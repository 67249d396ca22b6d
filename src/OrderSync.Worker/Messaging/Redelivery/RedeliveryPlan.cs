namespace OrderSync.Worker.Messaging.Redelivery;

/// <param name="Tier">The wait queue's delay.</param>
/// <param name="TimeToLive">This message's own wait: the tier varied by jitter, or the throttle's replenish time.</param>
/// <param name="Count">Redeliveries after failures so far, this one included; a throttle does not count.</param>
public sealed record RedeliveryPlan(TimeSpan Tier, TimeSpan TimeToLive, int Count, DateTimeOffset FirstFailure);
