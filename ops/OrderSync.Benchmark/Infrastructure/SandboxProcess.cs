using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OrderSync.Benchmark.Workload;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>The Walmart sandbox (Release build) as its own process, with the sellers and throttling a scenario needs.</summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private const int GenerateChunk = 2_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private SandboxProcess(ChildProcess process, Uri baseUrl, IReadOnlyList<SellerAccount> sellers, ThrottleProfile? throttle)
    {
        _process = process;
        BaseUrl = baseUrl;
        Sellers = sellers;
        Throttle = throttle;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(3) };
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<SellerAccount> Sellers { get; }

    /// <summary>Null when the sandbox does not throttle.</summary>
    public ThrottleProfile? Throttle { get; }

    public int ProcessId => _process.Id;

    public static async Task<SandboxProcess> StartAsync(
        RepositoryLayout repository, IReadOnlyList<SellerAccount> sellers, ThrottleProfile? throttle, string logPath, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Find().ToString(CultureInfo.InvariantCulture)}/");
        var arguments = new List<string>
        {
            "--contentRoot", repository.SandboxProject,
            "--urls", baseUrl.ToString().TrimEnd('/'),
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        };
        foreach (var seller in sellers)
        {
            arguments.Add($"--Sandbox:Sellers:{seller.StoreCode}:ClientId={seller.ClientId}");
            arguments.Add($"--Sandbox:Sellers:{seller.StoreCode}:ClientSecret={seller.ClientSecret}");
        }

        if (throttle is not null)
        {
            arguments.AddRange(throttle.SandboxArguments());
        }

        var process = ChildProcess.Start(repository.SandboxAssembly, arguments, new Dictionary<string, string>(), repository.SandboxProject, logPath);
        var sandbox = new SandboxProcess(process, baseUrl, sellers, throttle);
        try
        {
            await sandbox.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The same number of random orders for each seller (POST /admin/orders/generate, one seller at a time), interleaved.</summary>
    public async Task<IReadOnlyList<SandboxOrder>> GenerateOrdersEvenlyAsync(int count, int seed, CancellationToken cancellationToken)
    {
        var perSeller = new List<IReadOnlyList<SandboxOrder>>();
        for (var index = 0; index < Sellers.Count; index++)
        {
            var share = (count / Sellers.Count) + (index < count % Sellers.Count ? 1 : 0);
            perSeller.Add(share == 0 ? [] : await GenerateOrdersAsync(share, seed + (1000 * index), cancellationToken, Sellers[index].StoreCode));
        }

        return [.. Enumerable.Range(0, perSeller.Max(list => list.Count)).SelectMany(position => perSeller.Where(list => list.Count > position).Select(list => list[position]))];
    }

    /// <summary>Random orders spread over the sandbox's sellers (or one), made by POST /admin/orders/generate in chunks.</summary>
    public async Task<IReadOnlyList<SandboxOrder>> GenerateOrdersAsync(int count, int seed, CancellationToken cancellationToken, string? seller = null)
    {
        var sellers = seller ?? string.Join(',', Sellers.Select(s => s.StoreCode));
        var orders = new List<SandboxOrder>(count);
        for (var chunk = 0; orders.Count < count; chunk++)
        {
            var size = Math.Min(GenerateChunk, count - orders.Count);
            var uri = new Uri(
                $"admin/orders/generate?count={size.ToString(CultureInfo.InvariantCulture)}&sellers={Uri.EscapeDataString(sellers)}&seed={(seed + chunk).ToString(CultureInfo.InvariantCulture)}",
                UriKind.Relative);
            using var response = await _http.PostAsync(uri, null, cancellationToken);
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

    /// <summary>The calls the sandbox kept (its log holds the newest 50,000; <see cref="SandboxCall.Sequence"/> counts them all).</summary>
    public async Task<IReadOnlyList<SandboxCall>> CallsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<List<SandboxCall>>(new Uri("admin/calls", UriKind.Relative), Json, cancellationToken) ?? [];

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the sandbox stopped at start:\n{_process.LogTail()}");
            }

            try
            {
                using var probe = await _http.GetAsync(new Uri("admin/faults", UriKind.Relative), deadline.Token);
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
                throw new TimeoutException($"the sandbox did not answer within {timeout}:\n{_process.LogTail()}");
            }

            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the sandbox did not answer within {timeout}:\n{_process.LogTail()}");
            }
        }
    }

    private sealed record GeneratedOrders(List<GeneratedOrder>? Orders);

    private sealed record GeneratedOrder(string Seller, string PurchaseOrderId, List<GeneratedLine> Lines);

    private sealed record GeneratedLine(string LineNumber, string Sku, int Quantity);
}
