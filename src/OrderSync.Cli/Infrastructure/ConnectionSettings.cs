using System.ComponentModel;
using Npgsql;
using OrderSync.Contracts.Configuration;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Infrastructure;

/// <summary>Where the broker and the database are; by default the worker's own environment variables.</summary>
public class ConnectionSettings : CommandSettings
{
    [CommandOption("--rabbitmq <URI>")]
    [Description("AMQP URI of the broker. Default: ConnectionStrings__RabbitMq, from a secret file as the worker reads it, else the environment.")]
    public string? RabbitMq { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("PostgreSQL connection string. Default: ConnectionStrings__Postgres, from a secret file as the worker reads it, else the environment.")]
    public string? Postgres { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON for scripts instead of tables.")]
    public bool Json { get; init; }

    public Uri RabbitMqUri()
    {
        var value = RabbitMq ?? SecretFolders.Setting("ConnectionStrings__RabbitMq");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliException("no broker: pass --rabbitmq or set ConnectionStrings__RabbitMq", ExitCodes.Usage);
        }

        var source = RabbitMq is null ? "ConnectionStrings__RabbitMq" : "--rabbitmq";
        var parsed = Uri.TryCreate(value, UriKind.Absolute, out var uri);
        Secrets.RememberUserInfo(parsed ? uri!.UserInfo : null);
        return parsed && uri!.Scheme is "amqp" or "amqps" && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : throw new CliException($"{source} is not an AMQP URI (such as amqp://user:password@host:5672/): {WithoutPassword(value)}", ExitCodes.Usage);
    }

    /// <summary>
    /// A rejected address may still carry a password, with any characters in it: everything before its last '@' but the
    /// scheme is left out, and so is the value of a password= setting.
    /// </summary>
    private static string WithoutPassword(string value)
    {
        var at = value.LastIndexOf('@');
        if (at >= 0)
        {
            var scheme = value.IndexOf("://", StringComparison.Ordinal) is var end and >= 0 && end < at ? value[..(end + 3)] : string.Empty;
            return $"{scheme}***{value[at..]}";
        }

        return System.Text.RegularExpressions.Regex.Replace(value, "(password\\s*=)[^;]*", "$1***", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }

    public bool HasPostgres => !string.IsNullOrWhiteSpace(Postgres ?? SecretFolders.Setting("ConnectionStrings__Postgres"));

    public NpgsqlDataSource Database()
    {
        try
        {
            return NpgsqlDataSource.Create(PostgresConnection());
        }
        catch (ArgumentException exception)
        {
            throw new CliException($"--postgres is not a PostgreSQL connection string: {exception.Message}", ExitCodes.Usage);
        }
    }

    public string PostgresConnection()
    {
        var value = Postgres ?? SecretFolders.Setting("ConnectionStrings__Postgres");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliException("no database: pass --postgres or set ConnectionStrings__Postgres", ExitCodes.Usage);
        }

        try
        {
            Secrets.Remember(new NpgsqlConnectionStringBuilder(value).Password);
        }
        catch (ArgumentException)
        {
            // Malformed: Database() says so, without the value.
        }

        return value;
    }
}
