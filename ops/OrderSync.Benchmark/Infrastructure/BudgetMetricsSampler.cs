using System.Diagnostics;
using OrderSync.Benchmark.Measurement;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>Reads every worker's <c>/metrics</c> once a second and keeps one endpoint's budget readings per seller.</summary>
public sealed class BudgetMetricsSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<Uri> _metricsUrls;
    private readonly string _endpoint;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMilliseconds(900) };
    private readonly List<BudgetScrape> _scrapes = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    /// <param name="endpoint">The budget's endpoint label, e.g. <c>Shipping</c>.</param>
    public BudgetMetricsSampler(IEnumerable<WorkerProcess> workers, string endpoint)
    {
        _metricsUrls = [.. workers.Select(worker => new Uri(worker.HttpAddress, "metrics"))];
        _endpoint = endpoint;
        _loop = Task.Run(LoopAsync);
    }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Readings, each at seconds since <see cref="StartedAt"/>.</summary>
    public IReadOnlyList<BudgetScrape> Scrapes
    {
        get
        {
            lock (_scrapes)
            {
                return [.. _scrapes];
            }
        }
    }

    /// <summary>Stops sampling; call it before the workers stop.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _http.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var second = _clock.Elapsed.TotalSeconds;
                var workers = await Task.WhenAll(_metricsUrls.Select(ReadAsync));
                lock (_scrapes)
                {
                    _scrapes.Add(new BudgetScrape(second, workers));
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    private async Task<IReadOnlyDictionary<string, BudgetReading>> ReadAsync(Uri metrics)
    {
        try
        {
            var text = await _http.GetStringAsync(metrics, _stop.Token);
            return LearntRates.Read(PrometheusText.Parse(text), _endpoint);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // A busy or stopping worker: this second has no reading from it.
            return new Dictionary<string, BudgetReading>();
        }
    }
}
