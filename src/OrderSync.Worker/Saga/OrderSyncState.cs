using MassTransit;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

/// <summary>Everything known of one Walmart purchase order: what Commerce asked for, what Walmart did, what is in flight.</summary>
public sealed class OrderSyncState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = string.Empty;

    public string StoreCode { get; set; } = string.Empty;

    public string PurchaseOrderId { get; set; } = string.Empty;

    public string OrderIncrementId { get; set; } = string.Empty;

    /// <summary>CloudEvent ids already applied: a redelivered event changes nothing.</summary>
    public List<string> AppliedEventIds { get; set; } = [];

    /// <summary>The highest arrival number applied: the next event of the order in the intake's order is this plus one.</summary>
    public int LastArrivalSequence { get; set; }

    /// <summary>Events that came before an earlier event of the order, kept until it is applied (or they have waited long enough).</summary>
    public List<HeldEvent> HeldEvents { get; set; } = [];

    /// <summary>The content digest of each applied event, by id: the same id with other contents is not a copy.</summary>
    public Dictionary<string, string> AppliedEventDigests { get; set; } = [];

    public List<ShipmentRecord> Shipments { get; set; } = [];

    /// <summary>Tracks that arrived before their shipment, applied when it comes.</summary>
    public List<PendingTrack> PendingTracks { get; set; } = [];

    public CancellationRecord? Cancellation { get; set; }

    /// <summary>Events refused without an operation, with why and when.</summary>
    public List<RefusedEvent> RefusedEvents { get; set; } = [];

    /// <summary>Every Walmart operation asked for, in order; at most one is in flight at a time.</summary>
    public List<OperationRecord> Operations { get; set; } = [];

    /// <summary>Walmart's lines as the last completed operation saw them.</summary>
    public List<OrderLineState> WalmartLines { get; set; } = [];

    public string? OrderStatus { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastEventTime { get; set; }
}
