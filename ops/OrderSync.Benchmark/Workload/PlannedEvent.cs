namespace OrderSync.Benchmark.Workload;

/// <summary>One Commerce event of the workload; its CloudEvent is built when it is published, with <c>time</c> set then.</summary>
public sealed class PlannedEvent
{
    public required string Id { get; init; }

    public required CommerceEventKind Kind { get; init; }

    public required WorkloadOrder Order { get; init; }

    /// <summary>The shipment the event saves, or the shipment a track belongs to; null for a cancellation.</summary>
    public string? ShipmentId { get; init; }

    public IReadOnlyList<ShipmentItem> Items { get; init; } = [];

    public string? TrackId { get; init; }

    public string? TrackNumber { get; init; }

    /// <summary>Everything but a shipment waiting for its track gets a result whose causationId is this event's id.</summary>
    public bool ProducesResult => Kind != CommerceEventKind.ShipmentAwaitingTrack;

    /// <summary>The CloudEvent's <c>time</c>, set as it is published.</summary>
    public DateTimeOffset PublishedAt { get; set; }
}
