using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// A scenario's load: orders of both sandbox sellers, each with the events of its <see cref="OrderScript"/>, the events of all
/// orders interleaved at random (each order's own events keep their order, as Commerce sends them).
/// </summary>
public sealed class Workload
{
    private static readonly string[] Stores = ["walmart_us", "walmart_ca"];

    private Workload(IReadOnlyList<PlannedOrder> orders, IReadOnlyList<PlannedEvent> events)
    {
        Orders = orders;
        Events = events;
    }

    public IReadOnlyList<PlannedOrder> Orders { get; }

    /// <summary>In the order they are published: wave 1, then wave 2.</summary>
    public IReadOnlyList<PlannedEvent> Events { get; }

    public IEnumerable<PlannedEvent> Wave(int wave) => Events.Where(e => e.Wave == wave);

    /// <summary>The outage scenarios' load: 300 orders of every kind, 440 events, published through the outage.</summary>
    public static Workload ForOutage(int seed) => Build(
        seed,
        (OrderScript.Ship, 120),
        (OrderScript.ShipThenTrack, 60),
        (OrderScript.Cancel, 40),
        (OrderScript.TwoShipments, 40),
        (OrderScript.Retrack, 20),
        (OrderScript.DeliveredTwice, 20));

    /// <summary>The load the kill scenarios run: 1,350 orders of every script, 2,000 events.</summary>
    public static Workload TwoThousandEvents(int seed) => Build(
        seed,
        (OrderScript.Ship, 500),
        (OrderScript.ShipThenTrack, 300),
        (OrderScript.Cancel, 200),
        (OrderScript.TwoShipments, 200),
        (OrderScript.Retrack, 100),
        (OrderScript.DeliveredTwice, 50));

    public static Workload Build(int seed, params (OrderScript Script, int Orders)[] mix)
    {
        var random = new Random(seed);
        var orders = new List<PlannedOrder>();
        foreach (var (script, count) in mix)
        {
            for (var index = 0; index < count; index++)
            {
                orders.Add(Plan(script, NewPurchaseOrderId(random), Stores[orders.Count % Stores.Length]));
            }
        }

        return new Workload(orders, [.. Interleave(orders, 1, random), .. Interleave(orders, 2, random)]);
    }

    /// <summary>How many orders of each script, and events in all: "400 Ship, 300 ShipThenTrack, ...; 2,000 events".</summary>
    public string Describe() =>
        string.Join(", ", Orders.GroupBy(o => o.Script).Select(g => $"{g.Count()} {g.Key}"))
        + string.Create(CultureInfo.InvariantCulture, $"; {Orders.Count:N0} orders, {Events.Count:N0} events");

    /// <summary>Seeds every order in the sandbox, in batches.</summary>
    public async Task Seed(WalmartSandbox sandbox)
    {
        foreach (var batch in Orders.Chunk(250))
        {
            var document = new
            {
                orders = batch.Select(order => new
                {
                    seller = order.Store,
                    purchaseOrderId = order.PurchaseOrderId,
                    customerOrderId = "C" + order.PurchaseOrderId,
                    methodCode = "Standard",
                    lines = order.Skus.Select((sku, index) => new
                    {
                        lineNumber = (index + 1).ToString(CultureInfo.InvariantCulture),
                        sku,
                        quantity = 1,
                        status = "Acknowledged",
                    }),
                }),
            };
            (await sandbox.Admin.PostAsJsonAsync("admin/orders", document)).EnsureSuccessStatusCode();
        }
    }

    private static PlannedOrder Plan(OrderScript script, string po, string store)
    {
        string Track(string name) => $"{name}-{po}";
        PlannedEvent Event(JsonObject cloudEvent, ExpectedResult answer) => new(po, cloudEvent, answer);
        Dictionary<string, int> Units(params string[] skus) => skus.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        switch (script)
        {
            case OrderScript.Ship:
                return new(po, store, script, ["MUG"],
                    [Event(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], Track("T1"), store), new(ExpectedResult.ShipmentSynced, "s1", Track("T1")))],
                    "Shipped", Units("MUG"), [Track("T1")]);
            case OrderScript.ShipThenTrack:
                {
                    var answer = new ExpectedResult(ExpectedResult.ShipmentSynced, "s1", Track("T1"));
                    return new(po, store, script, ["TEE"],
                        [Event(CommerceEvents.Shipment(po, "s1", [("TEE", 1)], trackNumber: null, store), answer), Event(CommerceEvents.Track(po, "s1", Track("T1"), store: store), answer)],
                        "Shipped", Units("TEE"), [Track("T1")]);
                }

            case OrderScript.Cancel:
                return new(po, store, script, ["MUG", "TEE"],
                    [Event(CommerceEvents.Cancellation(po, "out_of_stock", store), new(ExpectedResult.CancellationSynced))],
                    "Canceled", Units(), []);
            case OrderScript.TwoShipments:
                return new(po, store, script, ["MUG", "CAP"],
                    [
                        Event(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], Track("T1"), store), new(ExpectedResult.ShipmentSynced, "s1", Track("T1"))),
                        Event(CommerceEvents.Shipment(po, "s2", [("CAP", 1)], Track("T2"), store), new(ExpectedResult.ShipmentSynced, "s2", Track("T2"))),
                    ],
                    "Shipped", Units("MUG", "CAP"), [Track("T1"), Track("T2")]);
            case OrderScript.Retrack:
                return new(po, store, script, ["MUG"],
                    [
                        Event(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], Track("T1a"), store), new(ExpectedResult.ShipmentSynced, "s1")),
                        Event(CommerceEvents.Track(po, "s1", Track("T1b"), store: store), new(ExpectedResult.ShipmentSynced, "s1", Track("T1b"))),
                    ],
                    "Shipped", Units("MUG"), [Track("T1b")]);
            case OrderScript.ManyShipments:
                {
                    var s2 = new ExpectedResult(ExpectedResult.ShipmentSynced, "s2", Track("T2"));
                    var s3 = new ExpectedResult(ExpectedResult.ShipmentSynced, "s3", Track("T3"));
                    return new(po, store, script, ["MUG", "MUG", "TEE", "CAP"],
                        [
                            Event(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], Track("T1a"), store), new(ExpectedResult.ShipmentSynced, "s1")),
                            Event(CommerceEvents.Shipment(po, "s2", [("MUG", 1)], trackNumber: null, store), s2),
                            Event(CommerceEvents.Track(po, "s2", Track("T2"), store: store), s2),
                            Event(CommerceEvents.Shipment(po, "s3", [("TEE", 1)], Track("T3"), store), s3),
                            Event(CommerceEvents.Shipment(po, "s3", [("TEE", 1)], Track("T3"), store), s3),
                            Event(CommerceEvents.Shipment(po, "s4", [("CAP", 1)], Track("T4"), store), new(ExpectedResult.ShipmentSynced, "s4", Track("T4"))),
                            Event(CommerceEvents.Track(po, "s1", Track("T1b"), store: store), new(ExpectedResult.ShipmentSynced, "s1", Track("T1b"))),
                        ],
                        "Shipped", Units("MUG", "MUG", "TEE", "CAP"), [Track("T1b"), Track("T2"), Track("T3"), Track("T4")]);
                }

            case OrderScript.ShipPartThenCancel:
                {
                    var s2 = new ExpectedResult(ExpectedResult.ShipmentSynced, "s2", Track("T2"));
                    return new(po, store, script, ["MUG", "TEE", "CAP"],
                        [
                            Event(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], Track("T1"), store), new(ExpectedResult.ShipmentSynced, "s1", Track("T1"))),
                            Event(CommerceEvents.Shipment(po, "s2", [("TEE", 1)], trackNumber: null, store), s2),
                            Event(CommerceEvents.Track(po, "s2", Track("T2"), store: store), s2),
                            new(po, CommerceEvents.Cancellation(po, "out_of_stock", store), new(ExpectedResult.CancellationSynced), Wave: 2),
                        ],
                        "Canceled", Units("MUG", "TEE"), [Track("T1"), Track("T2")]);
                }

            default:
                {
                    var shipment = CommerceEvents.Shipment(po, "s1", [("CAP", 1)], Track("T1"), store);
                    var answer = new ExpectedResult(ExpectedResult.ShipmentSynced, "s1", Track("T1"));
                    return new(po, store, script, ["CAP"], [Event(shipment, answer), Event(shipment, answer)], "Shipped", Units("CAP"), [Track("T1")]);
                }
        }
    }

    private static List<PlannedEvent> Interleave(List<PlannedOrder> orders, int wave, Random random)
    {
        var events = orders.Select(o => o.Events.Where(e => e.Wave == wave).ToList()).ToList();
        var merged = new List<PlannedEvent>();
        var next = new int[orders.Count];
        var open = Enumerable.Range(0, orders.Count).Where(o => events[o].Count > 0).ToList();
        while (open.Count > 0)
        {
            var slot = random.Next(open.Count);
            var order = open[slot];
            merged.Add(events[order][next[order]++]);
            if (next[order] == events[order].Count)
            {
                open[slot] = open[^1];
                open.RemoveAt(open.Count - 1);
            }
        }

        return merged;
    }

    private static string NewPurchaseOrderId(Random random) => random.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
}
