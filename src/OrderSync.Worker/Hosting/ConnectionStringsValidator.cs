using Microsoft.Extensions.Options;
using Npgsql;

namespace OrderSync.Worker.Hosting;

/// <summary>Names the key, as an operator would set it in the environment, when a connection string is missing or malformed.</summary>
public sealed class ConnectionStringsValidator : IValidateOptions<ConnectionStringsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectionStringsOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.RabbitMq))
        {
            failures.Add("ConnectionStrings__RabbitMq is missing (an AMQP URI such as amqp://guest:guest@127.0.0.1:5672/)");
        }
        else if (!Uri.TryCreate(options.RabbitMq, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || string.IsNullOrEmpty(uri.Host))
        {
            failures.Add("ConnectionStrings__RabbitMq is not an AMQP URI (expected amqp://user:password@host:port/vhost)");
        }

        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            failures.Add("ConnectionStrings__Postgres is missing (such as Host=127.0.0.1;Port=5432;Username=app;Password=...;Database=integration)");
        }
        else
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.Postgres);
                if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
                {
                    failures.Add("ConnectionStrings__Postgres must name a Host and a Database");
                }
            }
            catch (ArgumentException exception)
            {
                failures.Add($"ConnectionStrings__Postgres is malformed: {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
