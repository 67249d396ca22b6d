using OrderSync.Contracts.Commands;

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

    public OperationStatus Status { get; set; }

    public string? Error { get; set; }
}
