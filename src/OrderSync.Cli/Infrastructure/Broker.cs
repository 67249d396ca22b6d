using System.Net.Security;
using System.Security.Authentication;
using OrderSync.Contracts.Configuration;
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
        if (uri.Scheme == "amqps")
        {
            factory.Ssl = TlsFromEnvironment(uri);
        }

        try
        {
            return await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException exception) when (Innermost(exception) is AuthenticationException || exception.InnerException?.InnerException is AuthenticationException)
        {
            throw new CliException(
                $"RabbitMQ's TLS certificate at {factory.HostName}:{factory.Port} was refused: it does not chain to RabbitMq__CaFile (or the " +
                "system's roots without one), or does not carry the name in RabbitMq__ServerName (or the URI's host)",
                ExitCodes.Unavailable);
        }
        catch (BrokerUnreachableException exception)
        {
            var cause = exception.InnerException is { } inner ? Innermost(inner).Message : exception.Message;
            throw new CliException($"RabbitMQ is unreachable at {factory.HostName}:{factory.Port} (virtual host {factory.VirtualHost}): {cause}", ExitCodes.Unavailable);
        }
    }

    /// <summary>
    /// The worker's own settings, from the same environment variables: the broker's certificate must chain to RabbitMq__CaFile
    /// (or the system's roots) and carry the expected name; no policy error is allowed.
    /// </summary>
    private static SslOption TlsFromEnvironment(Uri uri)
    {
        static string? Setting(string key) => SecretFolders.Setting($"RabbitMq__{key}");

        try
        {
            return new SslOption
            {
                Enabled = true,
                ServerName = Setting("ServerName") ?? uri.Host,
                AcceptablePolicyErrors = SslPolicyErrors.None,
                CertificateValidationCallback = CertificateTrust.Validator(Setting("CaFile")),
                Certs = CertificateTrust.ClientCertificate(Setting("ClientCertificateFile"), Setting("ClientKeyFile")) is { } client ? [client] : null,
                Version = SslProtocols.None,
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new CliException($"RabbitMq__CaFile or RabbitMq__ClientCertificateFile cannot be read: {exception.Message}", ExitCodes.Usage);
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
