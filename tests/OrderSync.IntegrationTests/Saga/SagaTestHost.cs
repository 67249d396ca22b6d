using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Results;
using OrderSync.Domain.State;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Worker.Saga;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// The order sync saga's consumer in MassTransit's test harness, on the in-memory transport, with orders kept in memory or in the
/// project's PostgreSQL store. The Walmart operation consumer is left out: the test takes each operation the saga sends and answers it.
/// </summary>
public sealed class SagaTestHost : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ServiceProvider _provider;
    private readonly BusTraffic _traffic;
    private int _commandsTaken;

    private SagaTestHost(ServiceProvider provider, BusTraffic traffic)
    {
        _provider = provider;
        _traffic = traffic;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public WalmartDouble Walmart { get; } = new();

    public RecordingHeldEventTimer Timer => _provider.GetRequiredService<RecordingHeldEventTimer>();

    /// <summary>Every Walmart operation the saga sent, in the order sent, copies included.</summary>
    public IReadOnlyList<ExecuteWalmartOperation> Commands => _traffic.Commands;

    /// <summary>Every result the saga sent to Commerce, in the order sent.</summary>
    public IReadOnlyList<SyncResultCloudEvent> Results => _traffic.Results;

    public static Task<SagaTestHost> StartInMemory() => Start(services => services.AddSingleton<IOrderSyncStore, InMemoryOrderSyncStore>());

    public static Task<SagaTestHost> StartOnPostgres(string connectionString) =>
        Start(services => services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString)));

    private static async Task<SagaTestHost> Start(Action<IServiceCollection> store)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RecordingHeldEventTimer>();
        services.AddSingleton<IHeldEventTimer>(provider => provider.GetRequiredService<RecordingHeldEventTimer>());
        store(services);
        services.AddOrderSyncSaga();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddConsumer<OrderSyncConsumer>();

            // As in the worker: a message that lost a race for a new order runs again.
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(retry =>
            {
                retry.Handle<ConcurrencyException>();
                retry.Handle<PostgresException>();
                retry.Intervals(10, 50, 100, 250, 500, 1000);
            }));
        });
        services.Configure<TestHarnessOptions>(options => options.TestTimeout = TimeSpan.FromMinutes(2));

        var provider = services.BuildServiceProvider(validateScopes: true);
        var traffic = new BusTraffic();
        var host = new SagaTestHost(provider, traffic);
        await host.Harness.Start();
        host.Harness.Bus.ConnectSendObserver(traffic);
        host.Harness.Bus.ConnectReceiveObserver(traffic);
        return host;
    }

    /// <summary>Publishes a message to the saga and returns once the saga has finished with it, including whatever it sent.</summary>
    public async Task Deliver(object message)
    {
        var messageId = NewId.NextGuid();
        var type = message.GetType();
        await Harness.Bus.Publish(message, type, context => context.MessageId = messageId);
        Exception? fault = null;
        await Eventually.True(() => _traffic.IsProcessed(messageId, out fault), $"the saga processed {type.Name} {messageId}", Timeout);
        if (fault is not null)
        {
            throw new InvalidOperationException($"The saga failed to process {type.Name}: {fault.Message}", fault);
        }
    }

    public async Task DeliverAll(params object[] messages)
    {
        foreach (var message in messages)
        {
            await Deliver(message);
        }
    }

    /// <summary>The next operation the saga sent that the test has not taken yet.</summary>
    public async Task<ExecuteWalmartOperation> NextCommand()
    {
        await Eventually.True(() => _traffic.Commands.Count > _commandsTaken, "the saga sent another Walmart operation", Timeout);
        return _traffic.Commands[_commandsTaken++];
    }

    /// <summary>Asserts that the saga has sent no operation the test has not taken yet.</summary>
    public void ShouldHaveNoNewCommand() =>
        _traffic.Commands.Skip(_commandsTaken).ShouldBeEmpty("the saga sent a Walmart operation it should not have");

    /// <summary>Carries the operation out on the Walmart double and delivers its outcome to the saga.</summary>
    public async Task<object> Answer(ExecuteWalmartOperation command)
    {
        var outcome = Walmart.Answer(command);
        await Deliver(outcome);
        return outcome;
    }

    /// <summary>Takes the next operation, which must be of the given kind, and answers it.</summary>
    public async Task<ExecuteWalmartOperation> AnswerNext(WalmartOperationKind kind)
    {
        var command = await NextCommand();
        command.Kind.ShouldBe(kind);
        await Answer(command);
        return command;
    }

    public async Task<OrderSyncState> State(Guid correlationId)
    {
        await using var transaction = await _provider.GetRequiredService<IOrderSyncStore>().Begin(correlationId, CancellationToken.None);
        return transaction.State.ShouldNotBeNull($"no saga {correlationId}");
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
