using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

/// <summary>An event kept by the saga until the events of its order that the intake read before it are applied; exactly one message is set.</summary>
public sealed class HeldEvent
{
    public int Sequence { get; set; }

    public string EventId { get; set; } = string.Empty;

    public DateTimeOffset ArrivedAt { get; set; }

    public ShipmentReceived? Shipment { get; set; }

    public TrackReceived? Track { get; set; }

    public CancellationRequested? Cancellation { get; set; }

    public IOrderEvent Message() => (IOrderEvent?)Shipment ?? (IOrderEvent?)Track ?? Cancellation
        ?? throw new InvalidOperationException($"Held event {EventId} has no message.");

    public static HeldEvent Of(IOrderEvent orderEvent) => new()
    {
        Sequence = orderEvent.Context.ArrivalSequence ?? 0,
        EventId = orderEvent.Context.EventId,
        ArrivedAt = orderEvent.Context.ArrivedAt ?? DateTimeOffset.MinValue,
        Shipment = orderEvent as ShipmentReceived,
        Track = orderEvent as TrackReceived,
        Cancellation = orderEvent as CancellationRequested,
    };
}
