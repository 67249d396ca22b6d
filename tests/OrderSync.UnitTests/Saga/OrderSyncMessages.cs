using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;

namespace OrderSync.UnitTests.Saga;

/// <summary>The messages an order takes in the rules' tests, and what the tests read back from the decisions.</summary>
internal static class OrderSyncMessages
{
    public static readonly Guid OrderId = new("0197a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b");

    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan ArrivalWait = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan TrackingChangeWindow = TimeSpan.FromHours(4);

    public static OrderSyncState NewOrder() => OrderSyncState.New(OrderId);

    // ---- Commerce events ----

    public static ShipmentReceived Shipment(string id, ShipmentTrack? track, OrderEventContext? context = null) => new()
    {
        CorrelationId = OrderId,
        Context = context ?? Context($"e-{id}"),
        ShipmentId = id,
        ShipmentIncrementId = id,
        ShippedAt = DateTimeOffset.UnixEpoch,
        Items = [new ShipmentItem("i1", "MUG", 1)],
        Tracks = track is null ? [] : [track],
    };

    public static TrackReceived Track(string shipmentId, ShipmentTrack track, string eventId) => Track(shipmentId, track, Context(eventId));

    public static TrackReceived Track(string shipmentId, ShipmentTrack track, OrderEventContext context) => new()
    {
        CorrelationId = OrderId,
        Context = context,
        ShipmentId = shipmentId,
        Track = track,
    };

    public static CancellationRequested Cancellation(string eventId, string? walmartReason, string? requestedReason = "out_of_stock") => new()
    {
        CorrelationId = OrderId,
        Context = Context(eventId),
        RequestedReason = requestedReason,
        WalmartReason = walmartReason,
    };

    public static OrderEventContext Context(string eventId) => new(eventId, "type", DateTimeOffset.UnixEpoch, "walmart_us", "PO-1", "0001");

    /// <summary>An event the intake read as the order's <paramref name="sequence"/>th, at <paramref name="arrivedAt"/>.</summary>
    public static OrderEventContext Numbered(string eventId, int sequence, DateTimeOffset arrivedAt) =>
        Context(eventId) with { ArrivalSequence = sequence, ArrivedAt = arrivedAt };

    public static HeldEventsDue HeldEventsAreDue() => new() { CorrelationId = OrderId };

    // ---- Walmart's answers to a command the rules sent ----

    public static WalmartOperationCompleted Completion(ExecuteWalmartOperation command, IReadOnlyList<OperationLine> lines, IReadOnlyList<OrderLineState> order) => new()
    {
        CorrelationId = command.CorrelationId,
        OperationId = command.OperationId,
        Lines = lines,
        Order = order,
        CompletedAt = Now,
    };

    public static WalmartOperationFailed Failure(ExecuteWalmartOperation command, string statusDetails, int attempts = 1) => new()
    {
        CorrelationId = command.CorrelationId,
        OperationId = command.OperationId,
        ErrorSource = ErrorSources.Walmart,
        StatusDetails = statusDetails,
        Attempts = attempts,
        FailedAt = DateTimeOffset.UnixEpoch,
    };

    public static ResyncRequested Resync() => new() { CorrelationId = OrderId, PurchaseOrderId = "PO-1", StoreCode = "walmart_us", RequestedBy = "operator" };

    // ---- Reading the decisions ----

    /// <summary>The one Walmart operation the message sent.</summary>
    public static ExecuteWalmartOperation Sent(this Decided decided) => decided.Decisions.OfType<SendOperation>().ShouldHaveSingleItem().Command;

    public static void SendsNothing(this Decided decided) => decided.Decisions.OfType<SendOperation>().ShouldBeEmpty();

    /// <summary>The one result the message published to Commerce.</summary>
    public static SyncResultCloudEvent Published(this Decided decided) => decided.Decisions.OfType<PublishResult>().ShouldHaveSingleItem().Result;

    public static OperationRecord Operation(this OrderSyncState state, ExecuteWalmartOperation command) =>
        state.Operations.Single(o => o.OperationId == command.OperationId);
}
