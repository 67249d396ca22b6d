using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart.Budget;

/// <summary>
/// Every seller account's budget at Walmart, one per endpoint. Calls wait here in the order they came, spaced as the budget
/// allows, for at most RateLimits:MaxWait. The worker sends each account's operations through a queue of its own that one
/// instance consumes at a time, so these budgets see every call made for the account.
/// </summary>
public sealed partial class WalmartBudgets : IDisposable
{
    public const string MeterName = "OrderSync";

    private readonly ConcurrentDictionary<BudgetKey, Entry> entries = new();
    private readonly WalmartRateLimitOptions settings;
    private readonly WalmartAccounts accounts;
    private readonly TimeProvider clock;
    private readonly ILogger<WalmartBudgets> logger;
    private readonly Counter<long> calls;
    private readonly Counter<long> throttled;
    private readonly Histogram<double> waited;

    internal WalmartBudgets(IOptions<WalmartOptions> options, TimeProvider clock, IMeterFactory meterFactory, ILogger<WalmartBudgets> logger)
    {
        settings = options.Value.RateLimits;
        accounts = new WalmartAccounts(options.Value);
        this.clock = clock;
        this.logger = logger;

        var meter = meterFactory.Create(MeterName);
        calls = meter.CreateCounter<long>("ordersync.walmart.budget.calls", description: "Walmart calls answered, by seller and endpoint.");
        throttled = meter.CreateCounter<long>("ordersync.walmart.budget.throttled", description: "Walmart's 429 answers, by seller and endpoint.");
        waited = meter.CreateHistogram<double>("ordersync.walmart.budget.wait", unit: "s", description: "Time a call waited for its seller's budget.");
        meter.CreateObservableGauge("ordersync.walmart.budget.rate", () => Observe(entry => entry.Budget.Rate), unit: "{call}/s",
            description: "Calls a second Walmart grants, as learnt from its answers, by seller and endpoint.");
        meter.CreateObservableGauge("ordersync.walmart.budget.ceiling", () => Observe(entry => entry.Budget.CeilingRate), unit: "{call}/s",
            description: "The configured limit, by seller and endpoint: the learnt rate never goes above it.");
        meter.CreateObservableGauge("ordersync.walmart.budget.waiting", () => Observe(entry => entry.Waiting), unit: "{call}",
            description: "Calls waiting for their seller's budget in this process, by seller and endpoint.");
    }

    /// <summary>What one budget looks like now, for the health page and tests.</summary>
    public IReadOnlyList<BudgetState> States()
    {
        var states = new List<BudgetState>();
        foreach (var (key, entry) in entries)
        {
            lock (entry)
            {
                states.Add(new BudgetState(
                    key.Seller, accounts.All.FirstOrDefault(account => account.Key == key.Seller)?.StoreCodes ?? [key.Seller], key.Endpoint.ToString(),
                    entry.Budget.Rate, entry.Budget.CeilingRate, entry.Waiting, entry.Budget.HeldUntil));
            }
        }

        return states;
    }

    /// <summary>Waits in line for a token; null when none would come within MaxWait, with the moment one may.</summary>
    internal async Task<(BudgetPermit? Permit, DateTimeOffset RetryAt)> AcquireAsync(string storeCode, RateLimitedEndpoint endpoint, CancellationToken cancellationToken)
    {
        var key = KeyOf(storeCode, endpoint);
        if (!settings.Enabled)
        {
            // Counted all the same, so that the calls per seller show which instance makes them.
            return (new BudgetPermit(this, key), default);
        }

        var entry = entries.GetOrAdd(key, k => new Entry(NewBudget(k.Endpoint)));
        var started = clock.GetUtcNow();
        Interlocked.Increment(ref entry.Waiting);
        try
        {
            if (!await entry.Line.WaitAsync(settings.MaxWait, cancellationToken))
            {
                return (null, NextChance(entry));
            }

            try
            {
                // Counted in the waits themselves rather than on the clock, so that a clock a test holds still cannot wait for ever.
                var waitedSoFar = TimeSpan.Zero;
                while (true)
                {
                    var now = clock.GetUtcNow();
                    TimeSpan? wait;
                    lock (entry)
                    {
                        wait = entry.Budget.TryTake(now);
                    }

                    if (wait is not { } delay)
                    {
                        waited.Record((now - started).TotalSeconds, Tags(key));
                        return (new BudgetPermit(this, key), default);
                    }

                    if (waitedSoFar + delay > settings.MaxWait)
                    {
                        return (null, now + delay);
                    }

                    waitedSoFar += delay;
                    await Task.Delay(delay, clock, cancellationToken);
                }
            }
            finally
            {
                entry.Line.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref entry.Waiting);
        }
    }

    /// <summary>
    /// A token the seller's budget can spare for work that may wait (reconciling): taken only while no other call waits for
    /// this budget and the bucket keeps half its tokens for shipments and cancellations. Tries for at most RateLimits:MaxWait;
    /// null when none could be spared by then.
    /// </summary>
    internal async Task<(BudgetPermit? Permit, DateTimeOffset RetryAt)> AcquireSpareAsync(string storeCode, RateLimitedEndpoint endpoint, CancellationToken cancellationToken)
    {
        var key = KeyOf(storeCode, endpoint);
        if (!settings.Enabled)
        {
            return (new BudgetPermit(this, key), default);
        }

        var entry = entries.GetOrAdd(key, k => new Entry(NewBudget(k.Endpoint)));
        var waitedSoFar = TimeSpan.Zero;
        while (true)
        {
            var now = clock.GetUtcNow();
            TimeSpan? wait = SpareWaitWhileOthersWait;
            if (Volatile.Read(ref entry.Waiting) == 0 && await entry.Line.WaitAsync(TimeSpan.Zero, cancellationToken))
            {
                try
                {
                    lock (entry)
                    {
                        wait = entry.Budget.TryTakeSpare(now);
                    }
                }
                finally
                {
                    entry.Line.Release();
                }
            }

            if (wait is not { } delay)
            {
                return (new BudgetPermit(this, key), default);
            }

            delay = delay < SpareWaitWhileOthersWait ? SpareWaitWhileOthersWait : delay;
            if (waitedSoFar + delay > settings.MaxWait)
            {
                return (null, now + delay);
            }

            waitedSoFar += delay;
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    private static readonly TimeSpan SpareWaitWhileOthersWait = TimeSpan.FromMilliseconds(100);

    /// <summary>When a call may go again: Walmart's replenish time if it asked to wait, else one token's time at the learnt rate.</summary>
    internal DateTimeOffset NextChance(string storeCode, RateLimitedEndpoint endpoint) =>
        entries.TryGetValue(KeyOf(storeCode, endpoint), out var entry) ? NextChance(entry) : clock.GetUtcNow() + TimeSpan.FromSeconds(1);

    private DateTimeOffset NextChance(Entry entry)
    {
        var now = clock.GetUtcNow();
        lock (entry)
        {
            var oneToken = now + TimeSpan.FromSeconds(1 / entry.Budget.Rate);
            return entry.Budget.HeldUntil > now ? entry.Budget.HeldUntil : oneToken;
        }
    }

    private BudgetKey KeyOf(string storeCode, RateLimitedEndpoint endpoint) => new(accounts.Of(storeCode)?.Key ?? storeCode.ToLowerInvariant(), endpoint);

    internal void Answered(BudgetKey key, int httpStatus, int? tokenCount, DateTimeOffset? replenishAt)
    {
        var isThrottled = httpStatus == 429;
        calls.Add(1, Tags(key));
        if (isThrottled)
        {
            throttled.Add(1, Tags(key));
        }

        if (!entries.TryGetValue(key, out var entry))
        {
            return;
        }

        double before, after, ceiling;
        lock (entry)
        {
            before = entry.Budget.Rate;
            entry.Budget.Answered(clock.GetUtcNow(), isThrottled, tokenCount, replenishAt);
            after = entry.Budget.Rate;
            ceiling = entry.Budget.CeilingRate;
        }

        if (isThrottled)
        {
            HoldTheSellersOtherEndpoints(key, entry);
        }

        // Said once each way across nine tenths of the ceiling, not on every small step of the learning.
        var low = ceiling * 0.9;
        if (before >= low && after < low)
        {
            LearntBelowConfigured(logger, key.Seller, key.Endpoint.ToString(), after * 60, ceiling * 60);
        }
        else if (before < low && after >= low)
        {
            LearntBackToConfigured(logger, key.Seller, key.Endpoint.ToString(), after * 60, ceiling * 60);
        }
    }

    public void Dispose()
    {
        foreach (var entry in entries.Values)
        {
            entry.Dispose();
        }
    }

    private void HoldTheSellersOtherEndpoints(BudgetKey key, Entry throttledEntry)
    {
        DateTimeOffset until;
        lock (throttledEntry)
        {
            until = throttledEntry.Budget.HeldUntil;
        }

        foreach (var (other, entry) in entries)
        {
            if (other.Seller == key.Seller && other.Endpoint != key.Endpoint)
            {
                lock (entry)
                {
                    entry.Budget.HoldForAnother(until);
                }
            }
        }
    }

    internal void Unanswered(BudgetKey key)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            lock (entry)
            {
                entry.Budget.Unanswered();
            }
        }
    }

    private SellerBudget NewBudget(RateLimitedEndpoint endpoint)
    {
        var limit = endpoint switch
        {
            RateLimitedEndpoint.GetOrder => settings.GetOrder,
            RateLimitedEndpoint.Shipping => settings.Shipping,
            RateLimitedEndpoint.Cancel => settings.Cancel,
            _ => settings.Acknowledge,
        };
        return new SellerBudget(limit.PermitsPerMinute, limit.Burst, clock.GetUtcNow());
    }

    private IEnumerable<Measurement<double>> Observe(Func<Entry, double> read)
    {
        foreach (var (key, entry) in entries)
        {
            double value;
            lock (entry)
            {
                value = read(entry);
            }

            yield return new Measurement<double>(value, Tags(key));
        }
    }

    private static KeyValuePair<string, object?>[] Tags(BudgetKey key) =>
        [new("seller", key.Seller), new("endpoint", key.Endpoint.ToString())];

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Walmart grants seller {Seller} about {LearntPerMinute:0.#} {Endpoint} calls a minute, below the configured {ConfiguredPerMinute:0.#}; calls are paced to Walmart's rate")]
    private static partial void LearntBelowConfigured(ILogger logger, string seller, string endpoint, double learntPerMinute, double configuredPerMinute);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Walmart grants seller {Seller} {Endpoint} calls at about {LearntPerMinute:0.#} a minute again, near the configured {ConfiguredPerMinute:0.#}")]
    private static partial void LearntBackToConfigured(ILogger logger, string seller, string endpoint, double learntPerMinute, double configuredPerMinute);

    private sealed class Entry(SellerBudget budget) : IDisposable
    {
        public readonly SellerBudget Budget = budget;

        // One caller at a time asks the budget; the others wait here in the order they came.
        public readonly SemaphoreSlim Line = new(1, 1);

        public int Waiting;

        public void Dispose() => Line.Dispose();
    }
}

/// <param name="RatePerSecond">As learnt from Walmart's answers.</param>
public sealed record BudgetState(
    string Seller, IReadOnlyList<string> StoreCodes, string Endpoint, double RatePerSecond, double CeilingPerSecond, int Waiting, DateTimeOffset HeldUntil);
