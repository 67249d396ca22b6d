using System.ComponentModel.DataAnnotations;

namespace OrderSync.Worker.Hosting;

/// <summary>How the worker consumes: section "Worker".</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Messages handled at once per queue; the saga still applies one event of an order at a time.</summary>
    [Range(1, 1000)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    [Range(1, 10000)]
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>In-memory retries of a Walmart operation after a transient failure, before it ends in Error.</summary>
    public TimeSpan[] OperationRetryIntervals { get; set; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>On SIGTERM, how long messages in flight may take to finish before the worker stops.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Uses quorum queues (replicated; for a RabbitMQ cluster) instead of classic ones.</summary>
    public bool QuorumQueues { get; set; }
}
