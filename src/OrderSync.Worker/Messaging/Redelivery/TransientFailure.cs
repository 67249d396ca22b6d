namespace OrderSync.Worker.Messaging.Redelivery;

/// <param name="NotBefore">When a throttle lifts; null for a failure.</param>
public sealed record TransientFailure(DateTimeOffset? NotBefore);
