using System.Text.Json.Nodes;
using OrderSync.Testing.Commerce;

namespace OrderSync.Benchmark.Workload;

/// <summary>One Commerce event of the workload; its CloudEvent is built when it is published, with <c>time</c> set then.</summary>
public sealed class PlannedEvent
{
    private const string Source = "urn:uuid:commerce-benchmark.store-1";

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

    /// <summary>The event's CloudEvent, with <paramref name="time"/> as its <c>time</c> (and the shipment's <c>created_at</c>).</summary>
    public JsonObject CloudEvent(DateTimeOffset time)
    {
        var header = new CloudEventHeader(Id, time, Source);
        var order = Order.Commerce;
        return Kind switch
        {
            CommerceEventKind.Track => CommerceEvents.Track(order, ShipmentId!, UpsTrack(), header),
            CommerceEventKind.Cancellation => CommerceEvents.Cancellation(
                order,
                "out_of_stock",
                Order.Walmart.Lines.GroupBy(line => line.Sku, StringComparer.Ordinal).Select(group => new CommerceOrderItem(group.Key, group.Sum(line => line.Quantity))),
                header),
            _ => CommerceEvents.Shipment(
                order,
                ShipmentId!,
                Items.Select(item => (item.Sku, item.Quantity)),
                Kind == CommerceEventKind.ShipmentWithTrack ? UpsTrack() : null,
                time,
                header),
        };
    }

    private CommerceTrack UpsTrack() => new(TrackId!, TrackNumber!, "ups", "United Parcel Service");
}
