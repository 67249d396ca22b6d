namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>Everything a sync test needs, real and isolated: its own vhost and database, a sandbox, the worker, Commerce's two ends.</summary>
public sealed class SyncStack : IAsyncDisposable
{
    private readonly IDictionary<string, string?>? _workerSettings;

    private SyncStack(IsolatedEnvironment environment, WalmartSandbox sandbox, IDictionary<string, string?>? workerSettings)
    {
        Environment = environment;
        Sandbox = sandbox;
        _workerSettings = workerSettings;
    }

    public IsolatedEnvironment Environment { get; }

    public WalmartSandbox Sandbox { get; }

    public WorkerUnderTest? Worker { get; private set; }

    public SyncResultListener Results { get; private set; } = null!;

    public CommercePublisher Commerce { get; private set; } = null!;

    public BrokerProbe Broker { get; private set; } = null!;

    public static async Task<SyncStack> Start(IDictionary<string, string?>? workerSettings = null, params string[] sandboxSettings)
    {
        var stack = new SyncStack(await IsolatedEnvironment.Create(), await WalmartSandbox.Start(sandboxSettings), workerSettings);
        await stack.StartWorker();
        stack.Results = await SyncResultListener.Connect(stack.Environment.RabbitMq);
        stack.Commerce = await CommercePublisher.Connect(stack.Environment.RabbitMq);
        stack.Broker = await BrokerProbe.Connect(stack.Environment.RabbitMq);
        return stack;
    }

    public async Task StartWorker() => Worker = await WorkerUnderTest.Start(Environment, Sandbox.BaseUrl, _workerSettings);

    public async Task StopWorker()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
            Worker = null;
        }
    }

    /// <summary>All messages in the worker's dead-letter queues, taken off them.</summary>
    public async Task<IReadOnlyList<DeadLetter>> TakeDeadLetters(string queue) => await Broker.Take(queue);

    public async Task<uint> DeadLetterCount() =>
        await Broker.Depth("walmart-sync.commerce-events_error")
        + await Broker.Depth("walmart-sync.order-sync_error")
        + await Broker.Depth("walmart-sync.walmart-operations_error");

    public async ValueTask DisposeAsync()
    {
        await Commerce.DisposeAsync();
        await Results.DisposeAsync();
        await Broker.DisposeAsync();
        await StopWorker();
        await Sandbox.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
