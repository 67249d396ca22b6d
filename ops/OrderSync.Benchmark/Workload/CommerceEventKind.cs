namespace OrderSync.Benchmark.Workload;

public enum CommerceEventKind
{
    /// <summary>A shipment saved with its track: the worker ships it and answers this event.</summary>
    ShipmentWithTrack,

    /// <summary>A shipment saved without a track: held, no result of its own; its track event's result covers it.</summary>
    ShipmentAwaitingTrack,

    /// <summary>The track of a shipment that waited for it: the worker ships the shipment and answers this event.</summary>
    Track,

    /// <summary>The order saved as canceled, with lines left unshipped: the worker cancels them and answers this event.</summary>
    Cancellation,
}
