using OrderSync.IntegrationTests.Cli;
using OrderSync.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Security;

/// <summary>The broker users ops/services.sh creates, with the permission patterns a deployment gives them.</summary>
public sealed class BrokerPermissionTests
{
    // No queue binds this key, so a probe that gets through reaches nobody, whatever runs on the default virtual host.
    private const string ProbeKey = "ordersync.test.permission-probe";

    [Fact]
    public async Task The_commerce_publisher_publishes_to_its_exchange_and_is_refused_everything_else()
    {
        var services = await LocalServices.Get();
        await using var admin = await new ConnectionFactory { Uri = services.RabbitMq }.CreateConnectionAsync();
        await using (var setup = await admin.CreateChannelAsync())
        {
            await setup.ExchangeDeclareAsync(ContractNames.CommerceEventsExchange, ExchangeType.Topic, durable: true);
            await setup.ExchangeDeclareAsync(ContractNames.SyncResultsExchange, ExchangeType.Topic, durable: true);
            await setup.QueueDeclareAsync("ordersync.test.permission-probe", durable: false, exclusive: false, autoDelete: true);
        }

        await using var publisher = await new ConnectionFactory { Uri = services.RabbitMqPublisher! }.CreateConnectionAsync();

        await using (var allowed = await ConfirmingChannel(publisher))
        {
            await allowed.BasicPublishAsync(ContractNames.CommerceEventsExchange, ProbeKey, mandatory: false, new BasicProperties(), "{}"u8.ToArray());
            allowed.IsOpen.ShouldBeTrue();
        }

        (await Refused(publisher, channel => channel.BasicPublishAsync(ContractNames.SyncResultsExchange, ProbeKey, mandatory: false, new BasicProperties(), "{}"u8.ToArray()).AsTask()))
            .ShouldBe(403, "publishing to the results exchange");
        (await Refused(publisher, channel => channel.BasicPublishAsync(string.Empty, "walmart-sync.order-sync", mandatory: false, new BasicProperties(), "{}"u8.ToArray()).AsTask()))
            .ShouldBe(403, "sending to the worker's saga queue through the default exchange");
        (await Refused(publisher, channel => channel.QueueDeclareAsync("ordersync.test.publisher-queue", durable: false, exclusive: false, autoDelete: true)))
            .ShouldBe(403, "declaring a queue");
        (await Refused(publisher, channel => channel.BasicGetAsync("ordersync.test.permission-probe", autoAck: true)))
            .ShouldBe(403, "reading a queue");
    }

    [Fact]
    public async Task The_operator_user_lists_dead_letters_with_the_cli()
    {
        var services = await LocalServices.Get();

        var listed = await OperatorCli.Run(
            new Dictionary<string, string> { ["ConnectionStrings__RabbitMq"] = services.RabbitMqOperator!.ToString() }, "dead-letters", "list", "--json");

        listed.ShouldSucceed();
    }

    private static Task<IChannel> ConfirmingChannel(IConnection connection) =>
        connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

    /// <returns>The reply code the broker closed the channel with.</returns>
    private static async Task<int> Refused(IConnection connection, Func<IChannel, Task> attempt)
    {
        await using var channel = await ConfirmingChannel(connection);
        await Should.ThrowAsync<Exception>(() => attempt(channel));
        await Eventually.True(() => !channel.IsOpen, "the broker closes the channel", TimeSpan.FromSeconds(10));
        return channel.CloseReason!.ReplyCode;
    }
}
