namespace OrderSync.Benchmark.Workload;

/// <summary>The events to publish, in publishing order, and what they add up to.</summary>
public sealed class WorkloadPlan(IReadOnlyList<PlannedEvent> events, int orders)
{
    public IReadOnlyList<PlannedEvent> Events { get; } = events;

    /// <summary>Orders that get at least one event.</summary>
    public int Orders { get; } = orders;

    public int Count(CommerceEventKind kind) => Events.Count(e => e.Kind == kind);

    public IReadOnlyList<PlannedEvent> ResultProducing => [.. Events.Where(e => e.ProducesResult)];

    public string Describe() =>
        $"{Events.Count:N0} events over {Orders:N0} orders: {Count(CommerceEventKind.ShipmentWithTrack) + Count(CommerceEventKind.ShipmentAwaitingTrack):N0} shipments "
        + $"({Count(CommerceEventKind.ShipmentAwaitingTrack):N0} of them without a track), {Count(CommerceEventKind.Track):N0} tracks, "
        + $"{Count(CommerceEventKind.Cancellation):N0} cancellations";
}
