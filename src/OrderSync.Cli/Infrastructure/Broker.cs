using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Cli.Infrastructure;

public static class Broker
{
    // A command is short-lived: it fails fast and says so rather than recovering a lost connection behind the operator's back.
    public static async Task<IConnection> Connect(Uri uri, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = "ordersync cli",
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        try
        {
            return await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException exception)
        {
            var cause = exception.InnerException is { } inner ? Innermost(inner).Message : exception.Message;
            throw new CliException($"RabbitMQ is unreachable at {factory.HostName}:{factory.Port} (virtual host {factory.VirtualHost}): {cause}", ExitCodes.Unavailable);
        }
    }

    public static Task<IChannel> ConfirmingChannel(IConnection connection, CancellationToken cancellationToken) =>
        connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

    /// <summary>
    /// The number of ready messages in each queue that exists, by passive declares; a missing queue closes the channel it was
    /// asked on (404), so each miss costs a fresh channel.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, uint>> ExistingQueues(IConnection connection, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, uint>(StringComparer.Ordinal);
        IChannel? channel = null;
        try
        {
            foreach (var queue in queues.Distinct(StringComparer.Ordinal))
            {
                channel ??= await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                    found[queue] = declared.MessageCount;
                }
                catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == Constants.NotFound)
                {
                    await channel.DisposeAsync();
                    channel = null;
                }
            }
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }

        return found;
    }

    /// <summary>A queue's ready messages and consumers, or null when it does not exist.</summary>
    public static async Task<(uint Messages, uint Consumers)?> Describe(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return (declared.MessageCount, declared.ConsumerCount);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return null;
        }
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
