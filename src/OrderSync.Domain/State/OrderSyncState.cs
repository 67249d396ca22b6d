using System.Text.Json;
using System.Text.Json.Serialization;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;

namespace OrderSync.Domain.State;

/// <summary>
/// Everything known of one Walmart purchase order: what Commerce asked for, what Walmart did, what is in flight. Read by anyone;
/// changed only by <see cref="OrderSyncRules"/>, one message at a time.
/// </summary>
public sealed class OrderSyncState
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    [JsonConstructor]
    internal OrderSyncState()
    {
    }

    [JsonInclude]
    public Guid CorrelationId { get; internal set; }

    /// <summary>Syncing while one Walmart operation of the order is in flight, else Idle; kept in the row for queries.</summary>
    public string CurrentState => InFlight is null ? "Idle" : "Syncing";

    [JsonInclude]
    public string StoreCode { get; internal set; } = string.Empty;

    [JsonInclude]
    public string PurchaseOrderId { get; internal set; } = string.Empty;

    [JsonInclude]
    public string OrderIncrementId { get; internal set; } = string.Empty;

    /// <summary>CloudEvent ids already applied: a copy of an event changes nothing.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AppliedEventIds => AppliedEventIdsList;

    [JsonInclude]
    [JsonPropertyName(nameof(AppliedEventIds))]
    internal List<string> AppliedEventIdsList { get; set; } = [];

    /// <summary>The content digest of each applied event, by id: the same id with other contents is not a copy.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> AppliedEventDigests => AppliedEventDigestTable;

    [JsonInclude]
    [JsonPropertyName(nameof(AppliedEventDigests))]
    internal Dictionary<string, string> AppliedEventDigestTable { get; set; } = [];

    /// <summary>The highest arrival number applied: the next event of the order in the intake's order is this plus one.</summary>
    [JsonInclude]
    public int LastArrivalSequence { get; internal set; }

    /// <summary>Events that came before an earlier event of the order, kept until it is applied (or they have waited long enough).</summary>
    [JsonIgnore]
    public IReadOnlyList<HeldEvent> HeldEvents => HeldEventsList;

    [JsonInclude]
    [JsonPropertyName(nameof(HeldEvents))]
    internal List<HeldEvent> HeldEventsList { get; set; } = [];

    [JsonIgnore]
    public IReadOnlyList<ShipmentRecord> Shipments => ShipmentsList;

    [JsonInclude]
    [JsonPropertyName(nameof(Shipments))]
    internal List<ShipmentRecord> ShipmentsList { get; set; } = [];

    /// <summary>Tracks that arrived before their shipment, applied when it comes.</summary>
    [JsonIgnore]
    public IReadOnlyList<PendingTrack> PendingTracks => PendingTracksList;

    [JsonInclude]
    [JsonPropertyName(nameof(PendingTracks))]
    internal List<PendingTrack> PendingTracksList { get; set; } = [];

    [JsonInclude]
    public CancellationRecord? Cancellation { get; internal set; }

    /// <summary>Every Walmart operation asked for, in order; at most one is in flight at a time.</summary>
    [JsonIgnore]
    public IReadOnlyList<OperationRecord> Operations => OperationsList;

    [JsonInclude]
    [JsonPropertyName(nameof(Operations))]
    internal List<OperationRecord> OperationsList { get; set; } = [];

    /// <summary>Walmart's lines as the last completed operation saw them.</summary>
    [JsonIgnore]
    public IReadOnlyList<OrderLineState> WalmartLines => WalmartLinesList;

    [JsonInclude]
    [JsonPropertyName(nameof(WalmartLines))]
    internal List<OrderLineState> WalmartLinesList { get; set; } = [];

    [JsonInclude]
    public string? OrderStatus { get; internal set; }

    [JsonInclude]
    public string? LastError { get; internal set; }

    [JsonInclude]
    public DateTimeOffset? LastEventTime { get; internal set; }

    /// <summary>Walmart's ship-by date as the last operation read it; null until one has (and in states saved before it was kept).</summary>
    [JsonInclude]
    public DateTimeOffset? ShipBy { get; internal set; }

    /// <summary>
    /// A Commerce shipment Walmart has not accepted yet, or a Walmart line still open: what Walmart cancels by itself some days
    /// after ship-by. Kept in the row for the ship-by metric.
    /// </summary>
    public bool HasOpenWork => Shipments.Any(s => s.Status != ShipmentStatus.Synced) || WalmartLines.Any(l => !l.IsClosed);

    /// <summary>The order's status for the operator's views: the last result's, or Pending before any. Kept in the row for lists.</summary>
    [JsonIgnore]
    public string SyncStatus => OrderStatus ?? OrderStatuses.Pending;

    /// <summary>
    /// When the oldest Commerce event the worker still owes Walmart was sent: an operation queued or in flight, or an event held
    /// for an earlier one. Null when nothing is owed (a shipment waiting for its track waits for Commerce). Kept in the row for the
    /// backlog-age metric.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? UnsyncedSince =>
        Operations.Where(o => o.Status is OperationStatus.Queued or OperationStatus.InFlight).Select(o => o.CausationTime)
            .Concat(HeldEvents.Select(h => (DateTimeOffset?)h.ArrivedAt))
            .Where(time => time is not null && time > DateTimeOffset.MinValue)
            .Min();

    /// <summary>
    /// When a pass last compared Walmart's lines with the order's; null when it never did, or when the last pass could not (an
    /// operation in flight, or lines newer than what it read): the next pass then reads the order by itself.
    /// </summary>
    [JsonInclude]
    public DateTimeOffset? ComparedWithWalmartAt { get; internal set; }

    /// <summary>As of when <see cref="WalmartLines"/> show Walmart: what Walmart showed before is older news.</summary>
    [JsonInclude]
    public DateTimeOffset? WalmartLinesSeenAt { get; internal set; }

    [JsonIgnore]
    public OperationRecord? InFlight => Operations.FirstOrDefault(o => o.Status == OperationStatus.InFlight);

    /// <summary>The state of an order no message has reached yet.</summary>
    public static OrderSyncState New(Guid correlationId) => new() { CorrelationId = correlationId };

    public static OrderSyncState FromJson(string json) =>
        JsonSerializer.Deserialize<OrderSyncState>(json, Json) ?? throw new JsonException("An order's sync state is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public bool IsApplied(string eventId) => AppliedEventIds.Contains(eventId);

    public bool Holds(string eventId) => HeldEvents.Any(h => h.EventId == eventId);

    public ShipmentRecord Shipment(OperationRecord operation) => Shipments.First(s => s.ShipmentId == operation.ShipmentId);
}
