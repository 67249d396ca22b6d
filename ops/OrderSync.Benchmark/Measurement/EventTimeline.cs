namespace OrderSync.Benchmark.Measurement;

/// <summary>
/// When one event passed each point of its way, on this machine's one clock: published by Commerce, numbered by the intake, its
/// Walmart operation begun and ended (as PostgreSQL recorded them), and its result received by Commerce.
/// </summary>
public sealed record EventTimeline(
    DateTimeOffset Published,
    DateTimeOffset NumberedByIntake,
    DateTimeOffset OperationBegan,
    DateTimeOffset OperationEnded,
    DateTimeOffset ResultReceived)
{
    public TimeSpan Total => ResultReceived - Published;
}
