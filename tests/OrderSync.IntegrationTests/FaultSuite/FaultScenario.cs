using System.Diagnostics;
using Dapper;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// One fault scenario's world, real and isolated: its own virtual host and database on the fault suite's services, a sandbox, a
/// Commerce publisher and result collector that both survive a broker restart, worker processes, and the ledger of what it sent.
/// </summary>
public sealed class FaultScenario(
    string name, IsolatedEnvironment environment, WalmartSandbox sandbox, DurableResultCollector results, ResilientCommercePublisher commerce, Workload workload) :
    IAsyncDisposable
{
    private static readonly string[] WorkerQueues =
        ["walmart-sync.commerce-events", "walmart-sync.order-sync", "walmart-sync.walmart-operations", "walmart-sync.operator-commands"];

    private readonly List<WorkerProcess> _workers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private (string FileName, Func<ScenarioFigures> Figures)? _figures;
    private int _started;

    public string Name { get; } = name;

    /// <summary>The scenario's own virtual host and database, on the fault suite's services.</summary>
    public IsolatedEnvironment Environment { get; } = environment;

    public WalmartSandbox Sandbox { get; } = sandbox;

    /// <summary>Time since the scenario's world was built.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Every result Commerce would receive, kept across a broker restart.</summary>
    public DurableResultCollector Results { get; } = results;

    /// <summary>Commerce's side: publishes with confirms and publishes again what a broker outage left unconfirmed.</summary>
    public ResilientCommercePublisher Commerce { get; } = commerce;

    /// <summary>The orders and events the scenario sends, and what each event must end in.</summary>
    public Workload Workload { get; } = workload;

    /// <summary>Checks that the suite runs on its own services, then builds the scenario's world and seeds its orders.</summary>
    public static async Task<FaultScenario> Start(string name, Workload workload, params string[] sandboxSettings)
    {
        _ = FaultServices.Script;
        var environment = await IsolatedEnvironment.Create();
        var sandbox = await WalmartSandbox.Start(sandboxSettings);
        await workload.Seed(sandbox);
        var results = await DurableResultCollector.Start(environment.RabbitMq);
        return new FaultScenario(name, environment, sandbox, results, new ResilientCommercePublisher(environment.RabbitMq), workload);
    }

    public async Task<WorkerProcess> StartWorker(IReadOnlyDictionary<string, string> settings, string? name = null)
    {
        var worker = await FaultWorker.Start($"{Name}-{name ?? "worker" + Interlocked.Increment(ref _started)}", Environment, Sandbox.BaseUrl, settings);
        lock (_workers)
        {
            _workers.Add(worker);
        }
        return worker;
    }

    /// <summary>Publishes events of the workload in their order; between each, waits <paramref name="pause"/> when given.</summary>
    public async Task Publish(IEnumerable<PlannedEvent> events, TimeSpan? pause = null)
    {
        foreach (var plannedEvent in events)
        {
            await Commerce.Publish(plannedEvent.CloudEvent);
            if (pause is { } delay)
            {
                await Task.Delay(delay);
            }
        }
    }

    /// <summary>Events of the workload (or of <paramref name="events"/>) answered by their result so far.</summary>
    public int Answered(IEnumerable<PlannedEvent>? events = null)
    {
        var byOrder = Results.Results.ToLookup(r => r.Subject);
        return (events ?? Workload.Events).Count(e => byOrder[e.PurchaseOrderId].Any(r => Ledger.Answers(r, e.Answer)));
    }

    /// <summary>
    /// Waits until every event (of the workload, or those given) has its answer, the time is up, or nothing new was answered for
    /// <paramref name="stall"/> (default 60 s, longer than any retry delay the scenarios configure); the ledger then says what is missing.
    /// </summary>
    public async Task WaitForAnswers(TimeSpan timeout, IReadOnlyCollection<PlannedEvent>? events = null, TimeSpan? stall = null)
    {
        events ??= [.. Workload.Events];
        var deadline = DateTimeOffset.UtcNow + timeout;
        var (answered, progressed) = (Answered(events), DateTimeOffset.UtcNow);
        while (answered < events.Count && DateTimeOffset.UtcNow < deadline && DateTimeOffset.UtcNow - progressed < (stall ?? TimeSpan.FromSeconds(60)))
        {
            await Task.Delay(500);
            var now = Answered(events);
            if (now != answered)
            {
                (answered, progressed) = (now, DateTimeOffset.UtcNow);
            }
        }
    }

    public async Task<SandboxSnapshot> Snapshot() => await SandboxSnapshot.Take(Sandbox, Workload.Orders.Select(o => o.PurchaseOrderId));

    /// <summary>Messages in the worker's queues ending with <paramref name="suffix"/>: "_error" or "_skipped".</summary>
    public async Task<uint> DeadLetters(string suffix)
    {
        await using var broker = await BrokerProbe.Connect(Environment.RabbitMq);
        uint total = 0;
        foreach (var queue in WorkerQueues)
        {
            total += await broker.Depth(queue + suffix);
        }

        return total;
    }

    /// <summary>
    /// Ends the scenario: checks the ledger, the dead-letter queues and the sagas, and returns every problem found; the test adds its
    /// own, then <see cref="ShouldHaveNoProblems"/> writes the scenario's figures for the report and asserts there are none.
    /// </summary>
    /// <param name="faults">What the scenario did to the worker, for the report, from what the sandbox saw.</param>
    public async Task<List<string>> Finish(string title, string fileName, Func<SandboxSnapshot, string> faults)
    {
        var sandbox = await Snapshot();
        var verdict = Ledger.Check(Workload, Results.Results, sandbox);
        var (deadLetters, skipped, unsettled) = (await DeadLetters("_error"), await DeadLetters("_skipped"), await UnsettledOrders());
        var (problems, faultsSeen) = (new List<string>(), faults(sandbox));
        _figures = (fileName, () => ScenarioFigures.Of(title, faultsSeen, this, verdict, deadLetters, skipped, unsettled, problems));
        if (!verdict.NothingLost)
        {
            problems.Add(verdict.Explain());
        }

        if (deadLetters > 0)
        {
            problems.Add($"{deadLetters} messages dead-lettered (_error queues)");
        }

        if (skipped > 0)
        {
            problems.Add($"{skipped} messages in _skipped queues");
        }

        if (unsettled > 0)
        {
            problems.Add($"{unsettled} orders still syncing at the end (saga not Idle)");
        }

        return problems;
    }

    /// <summary>Writes the scenario's figures for the report; then fails with every problem and where things stand, if there is any.</summary>
    public async Task ShouldHaveNoProblems(List<string> problems)
    {
        if (_figures is { } figures)
        {
            figures.Figures().Write(figures.FileName);
        }

        if (problems.Count > 0)
        {
            problems.ShouldBeEmpty(string.Join("\n", problems) + "\n" + await Describe());
        }
    }

    /// <summary>Messages waiting in the worker's own queues (wait queues included): work not done yet.</summary>
    public async Task<uint> QueuedMessages()
    {
        await using var broker = await BrokerProbe.Connect(Environment.RabbitMq);
        uint total = 0;
        foreach (var queue in WorkerQueues.Concat(["walmart-sync.wait-1s", "walmart-sync.wait-2s", "walmart-sync.wait-5s"]))
        {
            total += await broker.Depth(queue);
        }

        return total;
    }

    /// <summary>Orders whose saga is not idle: an operation still in flight or waiting.</summary>
    public async Task<int> UnsettledOrders()
    {
        await using var connection = new NpgsqlConnection(Environment.Postgres);
        return await connection.ExecuteScalarAsync<int>("select count(*) from order_sync_saga where current_state <> 'Idle'");
    }

    /// <summary>Where things stand, for a failure message: answers, queues, sagas, the workers' last log lines.</summary>
    public async Task<string> Describe()
    {
        var lines = new List<string> { $"vhost and database {Environment.Name}; {Answered()} of {Workload.Events.Count} events answered; {Results.Results.Count} results ({Results.Duplicates} redelivered)" };
        try
        {
            await using var broker = await BrokerProbe.Connect(Environment.RabbitMq);
            var queues = WorkerQueues.SelectMany(q => new[] { q, q + "_error", q + "_skipped" })
                .Concat(["walmart-sync.wait-1s", "walmart-sync.wait-2s", "walmart-sync.wait-5s"]);
            lines.Add("queues: " + string.Join(", ", await Task.WhenAll(queues.Select(async q => $"{q}={await broker.Depth(q)}"))));
            await using var connection = new NpgsqlConnection(Environment.Postgres);
            var states = await connection.QueryAsync<string>("select current_state || ' ' || count(*) from order_sync_saga group by current_state");
            lines.Add("sagas: " + string.Join(", ", states));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            lines.Add($"(could not read queues or sagas: {exception.Message})");
        }

        lines.AddRange(_workers.Select(w => $"worker {w.ProcessId} ({(w.HasExited ? "exited" : "running")}), log {w.LogPath}:\n{w.LogTail(15)}"));
        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Commerce.DisposeAsync();
        await Results.DisposeAsync();
        await Sandbox.DisposeAsync();

        // ORDERSYNC_FAULT_KEEP_WORLD=1 keeps the virtual host and the database (named in the workers' logs) to look into afterwards.
        if (System.Environment.GetEnvironmentVariable("ORDERSYNC_FAULT_KEEP_WORLD") != "1")
        {
            await Environment.DisposeAsync();
        }
    }
}
