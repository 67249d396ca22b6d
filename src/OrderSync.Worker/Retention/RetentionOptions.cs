namespace OrderSync.Worker.Retention;

/// <summary>How long the worker keeps what it no longer needs, and how it deletes the rest: section "Retention".</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>False turns the job off on this instance; the ages below then change nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two passes of one instance; only one instance at a time runs a pass.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows one statement deletes (orders, for the order rules), each statement its own short transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>An order with nothing left to do, untouched this long, goes with its history. Zero keeps it.</summary>
    public TimeSpan FinishedOrders { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Any order untouched this long goes with its history: Walmart closed it long since. Zero keeps it.</summary>
    public TimeSpan IdleOrders { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Walmart calls older than this go, even those of orders still kept. Zero keeps them.</summary>
    public TimeSpan CallHistory { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Purged dead letters (dead_letter_archive) and records of requeues older than this go. Zero keeps them.</summary>
    public TimeSpan DeadLetterArchive { get; set; } = TimeSpan.FromDays(180);
}
