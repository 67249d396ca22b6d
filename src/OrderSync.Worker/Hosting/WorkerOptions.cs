using System.ComponentModel.DataAnnotations;

namespace OrderSync.Worker.Hosting;

/// <summary>How the worker consumes and retries: section "Worker".</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    private static readonly TimeSpan[] DefaultRetryIntervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    private static readonly TimeSpan[] DefaultRedeliveryDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>Messages handled at once per queue; the saga still applies one event of an order at a time.</summary>
    [Range(1, 1000)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// Operations of one Walmart seller account handled at once (its lane). Each holds a database connection while it waits for
    /// the seller's budget, so accounts times this stays well under the connection pool.
    /// </summary>
    [Range(1, 100)]
    public int LaneConcurrentMessageLimit { get; set; } = 4;

    [Range(1, 10000)]
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>Quick in-memory retries of a Walmart operation after a transient failure, before it is redelivered later.</summary>
    public TimeSpan[]? RetryIntervals { get; set; }

    /// <summary>
    /// Durable delays between later attempts (each a RabbitMQ wait queue, so they survive restarts), the last one repeated
    /// until <see cref="RedeliveryHorizon"/>; each is varied by up to a fifth, so that a crowd of failures does not return at once.
    /// </summary>
    public TimeSpan[]? RedeliveryDelays { get; set; }

    /// <summary>How long after its first failure an operation keeps being retried before it ends in Error and is dead-lettered.</summary>
    public TimeSpan RedeliveryHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an event that reached the saga before an earlier event of its order waits for it (retried meanwhile) before it is
    /// applied out of order: the earlier one may be in a retry or dead-lettered.
    /// </summary>
    public TimeSpan ArrivalOrderWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after a shipment's first shipping update Walmart takes a change of its tracking (4 hours, Walmart's rule); a
    /// change Commerce makes later is refused with an Error result instead of being sent.
    /// </summary>
    public TimeSpan TrackingChangeWindow { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The largest Commerce event the intake reads; a larger one is dead-lettered unread.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>On SIGTERM, how long messages in flight may take to finish before the worker stops.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Uses quorum queues (replicated; for a RabbitMQ cluster) instead of classic ones.</summary>
    public bool QuorumQueues { get; set; }

    public IReadOnlyList<TimeSpan> EffectiveRetryIntervals => RetryIntervals is { Length: > 0 } intervals ? intervals : DefaultRetryIntervals;

    public IReadOnlyList<TimeSpan> EffectiveRedeliveryDelays => RedeliveryDelays is { Length: > 0 } delays ? delays : DefaultRedeliveryDelays;
}
