using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Persistence;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Cli;

/// <summary>
/// A virtual host and a database of one test's own, set up as the worker would leave them (schema migrated, its queues
/// declared) but with no worker running: the test seeds dead letters and saga rows itself and runs the CLI against them.
/// </summary>
public sealed class CliTestEnvironment : IAsyncDisposable
{
    public static readonly string[] WorkerQueues = ["walmart-sync.commerce-events", "walmart-sync.order-sync", "walmart-sync.walmart-operations"];

    private readonly IsolatedEnvironment _isolated;
    private readonly IConnection _connection;

    private CliTestEnvironment(IsolatedEnvironment isolated, Uri management, IConnection connection, NpgsqlDataSource database)
    {
        _isolated = isolated;
        _connection = connection;
        Management = management;
        Database = database;
    }

    public Uri RabbitMq => _isolated.RabbitMq;

    public string Postgres => _isolated.Postgres;

    public Uri Management { get; }

    public NpgsqlDataSource Database { get; }

    /// <summary>What the CLI is given: the worker's own environment variables.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["ConnectionStrings__RabbitMq"] = RabbitMq.ToString(),
        ["ConnectionStrings__Postgres"] = Postgres,
        ["ORDERSYNC_RABBITMQ_MANAGEMENT_URL"] = Management.ToString(),
    };

    public static async Task<CliTestEnvironment> Create()
    {
        var isolated = await IsolatedEnvironment.Create();
        var services = await LocalServices.Get();
        DatabaseMigrator.Migrate(isolated.Postgres);
        var connection = await new ConnectionFactory { Uri = isolated.RabbitMq, ClientProvidedName = "cli test seeding" }.CreateConnectionAsync();
        var environment = new CliTestEnvironment(isolated, services.RabbitMqManagement, connection, NpgsqlDataSource.Create(isolated.Postgres));
        foreach (var queue in WorkerQueues)
        {
            await environment.Declare(queue);
            await environment.Declare(queue + "_error");
        }

        return environment;
    }

    public Task<CliResult> Run(params string[] arguments) => OperatorCli.Run(Variables, arguments);

    public async Task Declare(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    public async Task Delete(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }

    /// <summary>Dead-letters a message as MassTransit does: published to the _error queue with the fault headers.</summary>
    public async Task DeadLetter(FaultedMessage message)
    {
        var properties = new BasicProperties
        {
            ContentType = message.ContentType,
            MessageId = message.MessageId,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = message.Headers(),
        };
        await Publish(message.Queue, properties, message.Body);
    }

    /// <summary>A message no consumer took, as MassTransit moves it to _skipped: only MT-Reason.</summary>
    public async Task Skip(string queue, byte[] body, string? messageId)
    {
        await Declare(queue);
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            MessageId = messageId,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { ["MT-Reason"] = "dead-letter", ["MT-Host-MachineName"] = "test-host" },
        };
        await Publish(queue, properties, body);
    }

    public async Task Publish(string queue, BasicProperties properties, byte[] body)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body);
    }

    public async Task<uint> Count(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Takes every message off a queue, for the test to look at.</summary>
    public async Task<IReadOnlyList<BasicGetResult>> Drain(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await Database.DisposeAsync();
        await _isolated.DisposeAsync();
    }
}
