using OrderSync.Benchmark.Infrastructure;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>One scenario's virtual host and database, its sandbox, and its worker, torn down in reverse order.</summary>
public sealed class ScenarioStack : IAsyncDisposable
{
    private readonly BenchmarkContext _context;
    private readonly string _name;
    private readonly List<WorkerProcess> _workers = [];

    private ScenarioStack(BenchmarkContext context, string name, ScenarioResources resources, SandboxProcess sandbox, ThrottleProfile? throttle)
    {
        _context = context;
        _name = name;
        Resources = resources;
        Sandbox = sandbox;
        Throttle = throttle;
    }

    public ScenarioResources Resources { get; }

    public SandboxProcess Sandbox { get; }

    public ThrottleProfile? Throttle { get; }

    public static async Task<ScenarioStack> StartAsync(BenchmarkContext context, string name, ThrottleProfile? throttle, CancellationToken cancellationToken)
    {
        var resources = await ScenarioResources.CreateAsync(context.Services, context.Management, name, cancellationToken);
        try
        {
            var sandbox = await SandboxProcess.StartAsync(context.Repository, context.Sellers, throttle, context.LogPath($"{name}-sandbox"), cancellationToken);
            return new ScenarioStack(context, name, resources, sandbox, throttle);
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
        var launch = new WorkerLaunch(Resources.RabbitMq, Resources.Postgres, Sandbox, Throttle, _context.LogPath($"{_name}-worker-{_workers.Count + 1}"));
        var worker = await WorkerProcess.StartAsync(_context.Repository, launch, TimeSpan.FromSeconds(90), cancellationToken);
        _workers.Add(worker);
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
        await Resources.DisposeAsync();
    }
}
