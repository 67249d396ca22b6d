using System.Text.Json.Serialization;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;

namespace OrderSync.Domain.State;

public sealed class OperationRecord
{
    public required Guid OperationId { get; init; }

    public required WalmartOperationKind Kind { get; init; }

    /// <summary>The CloudEvent id this operation answers: the result's causationId.</summary>
    [JsonInclude]
    public string CausationId { get; internal set; } = string.Empty;

    public string? ShipmentId { get; init; }

    /// <summary>The CloudEvent time of the event this operation answers: where its sync latency starts.</summary>
    [JsonInclude]
    public DateTimeOffset? CausationTime { get; internal set; }

    /// <summary>The track a ship was last dispatched with: one saved after it, while it ran, may be the fix for its failure.</summary>
    [JsonInclude]
    public ShipmentTrack? DispatchedTrack { get; internal set; }

    /// <summary>The attempts count of the last failure applied: a failure delivered again carries no more, and is a copy.</summary>
    [JsonInclude]
    public int? FailedAttempts { get; internal set; }

    [JsonInclude]
    public OperationStatus Status { get; internal set; }

    [JsonInclude]
    public string? Error { get; internal set; }

    internal void Requeue(string causationId, DateTimeOffset? causationTime)
    {
        CausationId = causationId;
        CausationTime = causationTime;
        Status = OperationStatus.Queued;
        Error = null;
    }
}
