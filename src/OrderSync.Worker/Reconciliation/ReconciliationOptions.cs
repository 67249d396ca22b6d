using OrderSync.Domain;

namespace OrderSync.Worker.Reconciliation;

/// <summary>How often each seller's orders are compared with Walmart, and when work left alone counts as stuck: section "Reconciliation".</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Time between two passes for a seller; one instance at a time runs a seller's pass.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// An operation in flight with no sign of life this long has lost its command and is sent again. Longer than the redelivery
    /// horizon (24 h) and its last wait, so an operation still waiting in a wait queue is never counted.
    /// </summary>
    public TimeSpan StuckOperationAfter { get; set; } = TimeSpan.FromHours(26);

    /// <summary>A shipment waiting this long for its track is reported: metric, warning log, <c>orders show</c>.</summary>
    public TimeSpan TrackWaitWarning { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A shipment waiting this long for its track puts its order in Error.</summary>
    public TimeSpan TrackWaitError { get; set; } = TimeSpan.FromDays(3);

    public TrackWaitLimits TrackWait => new(TrackWaitWarning, TrackWaitError);
}
