using OrderSync.Benchmark.Infrastructure;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>One scenario's virtual host and database, its sandbox, and its workers, torn down in reverse order.</summary>
public sealed class ScenarioStack : IAsyncDisposable
{
    /// <summary>How long a worker may take to stop after SIGTERM before it is killed.</summary>
    public static readonly TimeSpan WorkerStopTimeout = TimeSpan.FromSeconds(45);

    private readonly BenchmarkContext _context;
    private readonly string _name;
    private readonly List<WorkerProcess> _workers = [];

    private ScenarioStack(BenchmarkContext context, string name, ScenarioResources resources, WalmartSandbox sandbox, ThrottleProfile? throttle, ThrottleProfile? workerLimits)
    {
        _context = context;
        _name = name;
        Resources = resources;
        Sandbox = sandbox;
        Throttle = throttle;
        WorkerLimits = workerLimits;
    }

    public ScenarioResources Resources { get; }

    public WalmartSandbox Sandbox { get; }

    /// <summary>What the sandbox grants each seller; null when it does not throttle.</summary>
    public ThrottleProfile? Throttle { get; }

    /// <summary>The workers' client-side limits (<c>Walmart__RateLimits__*</c>); null turns them off.</summary>
    public ThrottleProfile? WorkerLimits { get; }

    /// <summary>Starts a stack whose workers are configured with the limits the sandbox grants.</summary>
    public static Task<ScenarioStack> StartAsync(BenchmarkContext context, string name, ThrottleProfile? throttle, CancellationToken cancellationToken) =>
        StartAsync(context, name, throttle, throttle, cancellationToken);

    public static async Task<ScenarioStack> StartAsync(
        BenchmarkContext context, string name, ThrottleProfile? throttle, ThrottleProfile? workerLimits, CancellationToken cancellationToken)
    {
        var resources = await ScenarioResources.CreateAsync(context.Services, context.Management, name, cancellationToken);
        try
        {
            var settings = context.Sellers.SelectMany(seller => seller.SandboxSettings()).Concat(throttle?.SandboxArguments() ?? []);
            var sandbox = await WalmartSandbox.StartProcess(context.SandboxBuild, settings, context.LogPath($"{name}-sandbox"), cancellationToken);
            return new ScenarioStack(context, name, resources, sandbox, throttle, workerLimits);
        }
        catch
        {
            await resources.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a worker on the scenario's virtual host and database and waits until it reports started.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(CancellationToken cancellationToken)
    {
        var launch = new WorkerLaunch(Resources.RabbitMq, Resources.Postgres, Sandbox.BaseUrl, _context.LogPath($"{_name}-worker-{_workers.Count + 1}"))
        {
            Build = _context.WorkerBuild,
            Sellers = _context.Sellers,
            Settings = WorkerLimits?.WorkerEnvironment() ?? [KeyValuePair.Create("Walmart__RateLimits__Enabled", "false")],
            StartTimeout = TimeSpan.FromSeconds(90),
        };
        var worker = await WorkerProcess.Start(launch, cancellationToken);
        _workers.Add(worker);
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.Terminate(WorkerStopTimeout);
            await worker.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
        await Resources.DisposeAsync();
    }
}
