using OrderSync.Contracts.Events;

namespace OrderSync.Domain.State;

/// <summary>An event kept until the events of its order that the intake read before it are applied; exactly one message is set.</summary>
public sealed class HeldEvent
{
    public int Sequence { get; init; }

    public string EventId { get; init; } = string.Empty;

    public DateTimeOffset ArrivedAt { get; init; }

    public ShipmentReceived? Shipment { get; init; }

    public TrackReceived? Track { get; init; }

    public CancellationRequested? Cancellation { get; init; }

    public IOrderEvent Message() => (IOrderEvent?)Shipment ?? (IOrderEvent?)Track ?? Cancellation
        ?? throw new InvalidOperationException($"Held event {EventId} has no message.");

    internal static HeldEvent Of(IOrderEvent orderEvent) => new()
    {
        Sequence = orderEvent.Context.ArrivalSequence ?? 0,
        EventId = orderEvent.Context.EventId,
        ArrivedAt = orderEvent.Context.ArrivedAt ?? DateTimeOffset.MinValue,
        Shipment = orderEvent as ShipmentReceived,
        Track = orderEvent as TrackReceived,
        Cancellation = orderEvent as CancellationRequested,
    };
}
