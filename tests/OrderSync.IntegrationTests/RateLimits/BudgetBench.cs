using System.Globalization;
using System.Net.Http.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.RateLimits;

/// <summary>
/// A sandbox that limits sellers below what the worker is configured for, worker processes, Commerce's two ends, and the
/// sandbox's call log to measure what the workers made of Walmart's budget.
/// </summary>
public sealed class BudgetBench(IsolatedEnvironment environment, WalmartSandbox sandbox, IReadOnlyList<string> sellers, Dictionary<string, string> workerSettings) :
    IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];

    public IsolatedEnvironment Environment { get; } = environment;

    public WalmartSandbox Sandbox { get; } = sandbox;

    public IReadOnlyList<string> Sellers { get; } = sellers;

    public SyncResultListener Results { get; private set; } = null!;

    public CommercePublisher Commerce { get; private set; } = null!;

    public BrokerProbe Broker { get; private set; } = null!;

    /// <summary>Each seller is a store view of its own Walmart account, configured in the sandbox and in the workers.</summary>
    public static async Task<BudgetBench> Start(IReadOnlyList<string> sellers, IDictionary<string, string> workerSettings)
    {
        var accounts = sellers.Select(seller => new SellerAccount(seller, $"client-{seller}", $"secret-{seller}")).ToList();
        var settings = new Dictionary<string, string>(workerSettings);
        foreach (var (key, value) in accounts.SelectMany(account => account.WorkerSettings()))
        {
            settings[key] = value;
        }

        var bench = new BudgetBench(
            await IsolatedEnvironment.Create(), await WalmartSandbox.Start([.. accounts.SelectMany(account => account.SandboxSettings())]), sellers, settings);
        bench.Results = await SyncResultListener.Connect(bench.Environment.RabbitMq);
        bench.Commerce = await CommercePublisher.Connect(bench.Environment.RabbitMq);
        bench.Broker = await BrokerProbe.Connect(bench.Environment.RabbitMq);
        return bench;
    }

    public async Task StartWorkers(int count)
    {
        for (var index = 0; index < count; index++)
        {
            _workers.Add(await RunningWorkerProcess.Start(Environment, Sandbox.BaseUrl, workerSettings));
        }
    }

    /// <summary>Walmart allows the seller this many calls a second, in one bucket for all its endpoints.</summary>
    public async Task LimitSeller(string seller, double callsPerSecond, int capacity) =>
        (await Sandbox.Admin.PutAsJsonAsync($"admin/throttle/sellers/{seller}", new { callsPerSecond, capacity, scope = "seller" })).EnsureSuccessStatusCode();

    /// <summary>One-line orders, one SKU each, acknowledged.</summary>
    public async Task<IReadOnlyList<string>> SeedOrders(string seller, int count)
    {
        var orders = Enumerable.Range(0, count).Select(_ => WalmartSandbox.NewPurchaseOrderId()).ToList();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (po, _) => await Sandbox.SeedOrderAs(po, seller, "MUG"));
        return orders;
    }

    /// <summary>Commerce ships the order's one line; returns when the broker confirmed the event.</summary>
    public async Task<DateTimeOffset> PublishShipment(string seller, string purchaseOrderId)
    {
        await Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "S" + purchaseOrderId[^8..], [("MUG", 1)], "1Z999AA1" + purchaseOrderId[^10..], seller));
        return DateTimeOffset.UtcNow;
    }

    public async Task WaitForShipped(IReadOnlyCollection<string> orders, TimeSpan timeout) =>
        await Eventually.True(
            () => Task.FromResult(Shipped(orders).Count == orders.Count),
            $"all {orders.Count} orders to be reported shipped",
            timeout);

    /// <summary>The shipment results received for these orders, by purchase order.</summary>
    public Dictionary<string, ReceivedResult> Shipped(IReadOnlyCollection<string> orders)
    {
        var wanted = orders.ToHashSet(StringComparer.Ordinal);
        return Results.Results
            .Where(result => result.Type == ContractNames.ShipmentSynced && wanted.Contains(result.Subject))
            .GroupBy(result => result.Subject)
            .ToDictionary(group => group.Key, group => group.First());
    }

    public async Task<IReadOnlyList<SandboxCall>> Calls(string seller) =>
        [.. (await Sandbox.RecordedCalls()).Where(call => call.Operation != "token" && string.Equals(call.Seller, seller, StringComparison.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Commerce.DisposeAsync();
        await Results.DisposeAsync();
        await Broker.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Environment.DisposeAsync();
    }

    public static string Describe(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));
}
