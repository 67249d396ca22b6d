using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

public sealed class OperationRecord
{
    public required Guid OperationId { get; init; }

    public required WalmartOperationKind Kind { get; init; }

    /// <summary>The CloudEvent id this operation answers: the result's causationId.</summary>
    public required string CausationId { get; set; }

    public string? ShipmentId { get; init; }

    /// <summary>The CloudEvent time of the event this operation answers: where its sync latency starts.</summary>
    public DateTimeOffset? CausationTime { get; set; }

    /// <summary>The track a ship was last dispatched with: one saved after it, while it ran, may be the fix for its failure.</summary>
    public ShipmentTrack? DispatchedTrack { get; set; }

    /// <summary>The attempts count of the last failure applied: a failure delivered again carries no more, and is a copy.</summary>
    public int? FailedAttempts { get; set; }

    public OperationStatus Status { get; set; }

    public string? Error { get; set; }
}
