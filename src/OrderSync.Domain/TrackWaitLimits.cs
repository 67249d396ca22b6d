namespace OrderSync.Domain;

/// <summary>How long a shipment may wait for its track before it is reported as stuck, and before its order goes to Error.</summary>
public sealed record TrackWaitLimits(TimeSpan ReportAfter, TimeSpan ErrorAfter);
