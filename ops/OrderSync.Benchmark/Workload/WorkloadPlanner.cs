using System.Globalization;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Workload;

/// <summary>
/// Plans a mix of Commerce events over sandbox orders: 70% shipments, 20% tracks, 10% cancellations. Every shipment ships units
/// the order has and no unit twice; a track follows a shipment saved without one; a cancellation comes last on an order that
/// keeps at least one unit unshipped. Events of one order are spread through the stream (round by round over the orders), as
/// Commerce's events of one order are spread in time.
/// </summary>
public static class WorkloadPlanner
{
    public const double ShipmentShare = 0.7;
    public const double TrackShare = 0.2;
    public const double CancellationShare = 0.1;

    /// <summary>Orders to generate for a number of events: an order gets about four events (an order has about four units).</summary>
    public static int OrdersFor(int events) => Math.Max(10, (int)Math.Ceiling(events / 4.0));

    public static WorkloadPlan Plan(IReadOnlyList<SandboxOrder> orders, int eventCount, int seed)
    {
        var random = new Random(seed);
        var cancellations = (int)Math.Round(eventCount * CancellationShare);
        var tracks = (int)Math.Round(eventCount * TrackShare);
        var shipments = eventCount - cancellations - tracks;

        var scripts = orders.OrderBy(_ => random.Next()).Select((order, index) => new OrderScript(order, index)).ToList();
        var cancelled = scripts.Where(s => s.Units.Count >= 2).Concat(scripts.Where(s => s.Units.Count < 2)).Take(cancellations).ToList();
        if (cancelled.Count < cancellations)
        {
            throw new InvalidOperationException($"{orders.Count} orders are too few for {cancellations} cancellations");
        }

        cancelled.ForEach(script => script.Cancelled = true);

        // Shipments go round by round, one more per order each round, so that every order gets a few.
        var remaining = shipments;
        for (var progress = true; remaining > 0 && progress;)
        {
            progress = false;
            foreach (var script in scripts.Where(s => s.ShipmentCount < s.ShippableUnits))
            {
                if (remaining == 0)
                {
                    break;
                }

                script.ShipmentCount++;
                remaining--;
                progress = true;
            }
        }

        if (remaining > 0)
        {
            throw new InvalidOperationException($"{orders.Count} orders have too few units for {shipments} shipments; generate more orders");
        }

        var awaitingTrack = scripts.SelectMany(s => Enumerable.Range(0, s.ShipmentCount).Select(index => (s, index)))
            .OrderBy(_ => random.Next())
            .Take(tracks)
            .ToHashSet();
        if (awaitingTrack.Count < tracks)
        {
            throw new InvalidOperationException($"{shipments} shipments are too few for {tracks} tracks");
        }

        var numbers = new IdSequence();
        var perOrder = scripts.Select(script => script.Events(numbers, index => awaitingTrack.Contains((script, index)))).Where(list => list.Count > 0).ToList();
        var stream = new List<PlannedEvent>(eventCount);
        for (var round = 0; stream.Count < eventCount; round++)
        {
            stream.AddRange(perOrder.Where(list => list.Count > round).Select(list => list[round]));
        }

        return new WorkloadPlan(stream, perOrder.Count);
    }

    private sealed class IdSequence
    {
        private long _next = 700_000;

        public string Next() => (++_next).ToString(CultureInfo.InvariantCulture);
    }

    private sealed class OrderScript(SandboxOrder order, int index)
    {
        public List<string> Units { get; } = [.. order.Lines.SelectMany(line => Enumerable.Repeat(line.Sku, line.Quantity))];

        public bool Cancelled { get; set; }

        public int ShipmentCount { get; set; }

        /// <summary>A cancelled order keeps one unit unshipped, so that the cancellation has something to cancel.</summary>
        public int ShippableUnits => Cancelled ? Units.Count - 1 : Units.Count;

        public List<PlannedEvent> Events(IdSequence numbers, Func<int, bool> awaitsTrack)
        {
            var workloadOrder = new WorkloadOrder(
                order,
                (100_000 + index).ToString(CultureInfo.InvariantCulture),
                (300_000_000 + index).ToString("000000000", CultureInfo.InvariantCulture));
            var events = new List<PlannedEvent>();
            var shipped = 0;
            for (var shipment = 0; shipment < ShipmentCount; shipment++)
            {
                // Even chunks of the shippable units, in line order.
                var size = (ShippableUnits / ShipmentCount) + (shipment < ShippableUnits % ShipmentCount ? 1 : 0);
                var items = Units.Skip(shipped).Take(size).GroupBy(sku => sku, StringComparer.Ordinal).Select(g => new ShipmentItem(g.Key, g.Count())).ToList();
                shipped += size;
                var shipmentId = numbers.Next();
                var trackId = numbers.Next();
                var trackNumber = "1ZBENCH" + trackId.PadLeft(11, '0');
                if (awaitsTrack(shipment))
                {
                    events.Add(new PlannedEvent { Id = Guid.NewGuid().ToString(), Kind = CommerceEventKind.ShipmentAwaitingTrack, Order = workloadOrder, ShipmentId = shipmentId, Items = items });
                    events.Add(new PlannedEvent
                    {
                        Id = Guid.NewGuid().ToString(),
                        Kind = CommerceEventKind.Track,
                        Order = workloadOrder,
                        ShipmentId = shipmentId,
                        TrackId = trackId,
                        TrackNumber = trackNumber,
                    });
                }
                else
                {
                    events.Add(new PlannedEvent
                    {
                        Id = Guid.NewGuid().ToString(),
                        Kind = CommerceEventKind.ShipmentWithTrack,
                        Order = workloadOrder,
                        ShipmentId = shipmentId,
                        Items = items,
                        TrackId = trackId,
                        TrackNumber = trackNumber,
                    });
                }
            }

            if (Cancelled)
            {
                events.Add(new PlannedEvent { Id = Guid.NewGuid().ToString(), Kind = CommerceEventKind.Cancellation, Order = workloadOrder });
            }

            return events;
        }
    }
}
