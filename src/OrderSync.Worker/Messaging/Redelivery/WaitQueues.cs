namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>
/// RabbitMQ has no delayed-message plugin here, so a delay is a wait queue: a message sent to <c>walmart-sync.wait-30s</c>
/// through its fanout exchange, keeping the routing key of the queue it came from, expires after its TTL and is
/// dead-lettered by the broker through the default exchange, by that routing key, back to its queue. Durable, so it survives restarts.
/// </summary>
public static class WaitQueues
{
    public static string NameFor(TimeSpan delay) => $"walmart-sync.wait-{Label(delay)}";

    private static string Label(TimeSpan delay) =>
        delay.TotalSeconds < 60 || delay.TotalSeconds % 60 != 0 ? $"{(int)delay.TotalSeconds}s"
        : delay.TotalMinutes < 60 || delay.TotalMinutes % 60 != 0 ? $"{(int)delay.TotalMinutes}m"
        : $"{(int)delay.TotalHours}h";
}
