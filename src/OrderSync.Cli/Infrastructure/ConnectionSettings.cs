using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Infrastructure;

/// <summary>Where the broker and the database are; by default the worker's own environment variables.</summary>
public class ConnectionSettings : CommandSettings
{
    [CommandOption("--rabbitmq <URI>")]
    [Description("AMQP URI of the broker. Default: $ConnectionStrings__RabbitMq.")]
    public string? RabbitMq { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("PostgreSQL connection string. Default: $ConnectionStrings__Postgres.")]
    public string? Postgres { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON for scripts instead of tables.")]
    public bool Json { get; init; }

    public Uri RabbitMqUri()
    {
        var value = RabbitMq ?? Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliException("no broker: pass --rabbitmq or set ConnectionStrings__RabbitMq", 64);
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new CliException($"--rabbitmq is not an AMQP URI: {value}", 64);
    }

    public string PostgresConnection()
    {
        var value = Postgres ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        return string.IsNullOrWhiteSpace(value)
            ? throw new CliException("no database: pass --postgres or set ConnectionStrings__Postgres", 64)
            : value;
    }
}
