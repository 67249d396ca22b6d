using Npgsql;
using OrderSync.Contracts.Configuration;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// The interface allows plaintext AMQP and PostgreSQL, but only to a loopback host goes it unremarked: to another host the
/// worker starts with a warning per link, since credentials and orders would cross the network readable.
/// </summary>
public static class PlaintextLinks
{
    public static IReadOnlyList<string> Warnings(ConnectionStringsOptions connections)
    {
        var warnings = new List<string>();
        if (Uri.TryCreate(connections.RabbitMq, UriKind.Absolute, out var amqp) && amqp.Scheme == "amqp" && !RemoteEndpoints.IsLoopback(amqp.Host))
        {
            warnings.Add($"ConnectionStrings__RabbitMq is plaintext AMQP to {amqp.Host}, which is not loopback: use amqps:// (README, Security)");
        }

        if (connections.Postgres is { } postgres && Unencrypted(postgres) is { } host)
        {
            warnings.Add($"ConnectionStrings__Postgres may be plaintext to {host}, which is not loopback: set SSL Mode=VerifyFull and Root Certificate (README, Security)");
        }

        return warnings;
    }

    /// <summary>The first remote host of a connection whose SSL mode lets it run unencrypted (Prefer falls back to plaintext).</summary>
    private static string? Unencrypted(string connectionString)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (settings.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
        {
            return null;
        }

        // Host may list several servers (host:port,host:port); a path is a Unix socket, which never leaves the machine.
        return (settings.Host ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(HostName)
            .FirstOrDefault(host => !host.StartsWith('/') && !RemoteEndpoints.IsLoopback(host));
    }

    private static string HostName(string server) =>
        server.StartsWith('[') ? server[..(server.IndexOf(']', StringComparison.Ordinal) + 1)]
        : server.Count(character => character == ':') == 1 ? server[..server.IndexOf(':', StringComparison.Ordinal)]
        : server;
}
