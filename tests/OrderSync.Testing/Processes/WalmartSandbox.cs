using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using OrderSync.Walmart.Sandbox;

namespace OrderSync.Testing.Processes;

/// <summary>
/// The project's Walmart sandbox on a free loopback port, seeded with the sample orders: hosted in this process (<see cref="Start"/>,
/// as the tests use it) or as a process of its own from a build (<see cref="StartProcess"/>, as the benchmark measures it); and
/// its admin API.
/// </summary>
public sealed class WalmartSandbox : IAsyncDisposable
{
    private const int GenerateChunk = 2_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication? _app;
    private readonly ChildProcess? _process;

    private WalmartSandbox(Uri baseUrl, WebApplication? app, ChildProcess? process)
    {
        _app = app;
        _process = process;
        BaseUrl = baseUrl;
        Admin = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(3) };
    }

    public Uri BaseUrl { get; }

    public HttpClient Admin { get; }

    /// <summary>The process that serves it: its own, or this one when hosted here.</summary>
    public int ProcessId => _process?.Id ?? Environment.ProcessId;

    /// <summary>Hosts the sandbox in this process, of the build this program runs with.</summary>
    /// <param name="settings">Command-line settings, e.g. <c>--Sandbox:Throttle:Enabled=true</c>.</param>
    public static async Task<WalmartSandbox> Start(params string[] settings)
    {
        var app = SandboxApp.Build([.. Arguments(ProgramBuild.Sandbox().Project, "http://127.0.0.1:0", settings)]);
        await app.StartAsync();
        return new WalmartSandbox(new Uri(app.Urls.First()), app, null);
    }

    /// <summary>Starts the sandbox as a process of its own, its output in <paramref name="logPath"/>, and waits until it answers.</summary>
    /// <param name="settings">Command-line settings, e.g. its sellers (<see cref="SellerAccount.SandboxSettings"/>) and throttling.</param>
    public static async Task<WalmartSandbox> StartProcess(ProgramBuild build, IEnumerable<string> settings, string logPath, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Find().ToString(CultureInfo.InvariantCulture)}/");

        // Its start and stop in its log, which is all there is of it.
        var arguments = Arguments(build.Project, baseUrl.ToString().TrimEnd('/'), ["--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", .. settings]);
        var process = ChildProcess.Start(build.Assembly, arguments, new Dictionary<string, string>(), build.Project, logPath);
        var sandbox = new WalmartSandbox(baseUrl, null, process);
        try
        {
            await sandbox.WaitUntilAnswering(process, TimeSpan.FromSeconds(60), cancellationToken);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    public static string NewPurchaseOrderId() => Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>The order as the sandbox holds it, in Walmart's shape.</summary>
    public async Task<JsonElement> Order(string purchaseOrderId) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"admin/orders/{purchaseOrderId}")).GetProperty("order");

    /// <summary>Line number to (status, quantity) pairs of the order's lines.</summary>
    public async Task<Dictionary<string, string[]>> LineStatuses(string purchaseOrderId)
    {
        var order = await Order(purchaseOrderId);
        return order.GetProperty("orderLines").GetProperty("orderLine").EnumerateArray().ToDictionary(
            line => line.GetProperty("lineNumber").GetString()!,
            line => line.GetProperty("orderLineStatuses").GetProperty("orderLineStatus").EnumerateArray()
                .Select(status => status.GetProperty("status").GetString()!)
                .ToArray());
    }

    /// <summary>The calls the sandbox received for one order, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> Calls(string purchaseOrderId) =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>($"admin/calls?purchaseOrderId={purchaseOrderId}")).EnumerateArray()];

    /// <summary>Every call the sandbox received, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> AllCalls() =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>("admin/calls")).EnumerateArray()];

    /// <summary>Every call the sandbox kept, oldest first (its log holds the newest 50,000; <see cref="SandboxCall.Sequence"/> counts them all).</summary>
    public async Task<IReadOnlyList<SandboxCall>> RecordedCalls(CancellationToken cancellationToken = default) =>
        await Admin.GetFromJsonAsync<List<SandboxCall>>(new Uri("admin/calls", UriKind.Relative), Json, cancellationToken) ?? [];

    /// <summary>Seeds an order with a new purchase order id, one quantity-1 line per SKU given, acknowledged.</summary>
    public async Task<string> SeedOrder(params string[] skus) => await SeedOrderAs(NewPurchaseOrderId(), "walmart_us", skus);

    public async Task<string> SeedOrderAs(string purchaseOrderId, string seller, params string[] skus) =>
        await SeedOrder(purchaseOrderId, seller, estimatedShipDate: null, skus);

    /// <summary>Seeds an order like <see cref="SeedOrder(string[])"/> whose Walmart ship-by date is the one given.</summary>
    public async Task<string> SeedOrderShippingBy(DateTimeOffset estimatedShipDate, params string[] skus) =>
        await SeedOrder(NewPurchaseOrderId(), "walmart_us", estimatedShipDate, skus);

    private async Task<string> SeedOrder(string purchaseOrderId, string seller, DateTimeOffset? estimatedShipDate, string[] skus)
    {
        var order = new
        {
            seller,
            purchaseOrderId,
            customerOrderId = "C" + purchaseOrderId,
            methodCode = "Standard",
            estimatedShipDate,
            lines = skus.Select((sku, index) => new { lineNumber = (index + 1).ToString(CultureInfo.InvariantCulture), sku, quantity = 1, status = "Acknowledged" }),
        };
        (await Admin.PostAsJsonAsync("admin/orders", order)).EnsureSuccessStatusCode();
        return purchaseOrderId;
    }

    /// <summary>The customer asks to cancel the line after ordering: Walmart marks it intentToCancel.</summary>
    public async Task MarkIntentToCancel(string purchaseOrderId, string lineNumber) =>
        (await Admin.PostAsync(new Uri($"admin/orders/{purchaseOrderId}/lines/{lineNumber}/intent-to-cancel", UriKind.Relative), null)).EnsureSuccessStatusCode();

    /// <summary>The same number of random orders for each seller (one seller at a time), interleaved.</summary>
    public async Task<IReadOnlyList<SandboxOrder>> GenerateOrdersEvenly(IReadOnlyList<SellerAccount> sellers, int count, int seed, CancellationToken cancellationToken)
    {
        var perSeller = new List<IReadOnlyList<SandboxOrder>>();
        for (var index = 0; index < sellers.Count; index++)
        {
            var share = (count / sellers.Count) + (index < count % sellers.Count ? 1 : 0);
            perSeller.Add(share == 0 ? [] : await GenerateOrders([sellers[index]], share, seed + (1000 * index), cancellationToken));
        }

        return [.. Enumerable.Range(0, perSeller.Max(list => list.Count)).SelectMany(position => perSeller.Where(list => list.Count > position).Select(list => list[position]))];
    }

    /// <summary>Random orders spread over the sellers, made by POST /admin/orders/generate in chunks.</summary>
    public async Task<IReadOnlyList<SandboxOrder>> GenerateOrders(IReadOnlyList<SellerAccount> sellers, int count, int seed, CancellationToken cancellationToken)
    {
        var storeCodes = Uri.EscapeDataString(string.Join(',', sellers.Select(s => s.StoreCode)));
        var orders = new List<SandboxOrder>(count);
        for (var chunk = 0; orders.Count < count; chunk++)
        {
            var size = Math.Min(GenerateChunk, count - orders.Count);
            var uri = new Uri(
                $"admin/orders/generate?count={size.ToString(CultureInfo.InvariantCulture)}&sellers={storeCodes}&seed={(seed + chunk).ToString(CultureInfo.InvariantCulture)}",
                UriKind.Relative);
            using var response = await Admin.PostAsync(uri, null, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"the sandbox refused to generate orders ({(int)response.StatusCode}): {body}");
            }

            var generated = JsonSerializer.Deserialize<GeneratedOrders>(body, Json)?.Orders ?? [];
            orders.AddRange(generated.Select(order => new SandboxOrder(
                order.Seller,
                order.PurchaseOrderId,
                [.. order.Lines.Select(line => new SandboxOrderLine(line.LineNumber, line.Sku, line.Quantity))])));
        }

        return orders;
    }

    /// <summary>A fault rule: see the sandbox's FaultRuleRequest (purchaseOrderId, operation, fault, latencyMs, rate, times).</summary>
    public async Task AddFault(object rule) => (await Admin.PostAsJsonAsync("admin/faults", rule)).EnsureSuccessStatusCode();

    public async Task ClearFaults() => (await Admin.DeleteAsync("admin/faults")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.Terminate(TimeSpan.FromSeconds(40));
            _process.Dispose();
        }
    }

    private static IEnumerable<string> Arguments(string contentRoot, string urls, IEnumerable<string> settings) =>
        ["--contentRoot", contentRoot, "--urls", urls, "--Logging:LogLevel:Default=Warning", .. settings];

    private async Task WaitUntilAnswering(ChildProcess process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the sandbox stopped at start:\n{process.LogTail()}");
            }

            try
            {
                using var probe = await Admin.GetAsync(new Uri("admin/faults", UriKind.Relative), deadline.Token);
                if (probe.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the sandbox did not answer within {timeout}:\n{process.LogTail()}");
            }

            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the sandbox did not answer within {timeout}:\n{process.LogTail()}");
            }
        }
    }

    private sealed record GeneratedOrders(List<GeneratedOrder>? Orders);

    private sealed record GeneratedOrder(string Seller, string PurchaseOrderId, List<GeneratedLine> Lines);

    private sealed record GeneratedLine(string LineNumber, string Sku, int Quantity);
}
