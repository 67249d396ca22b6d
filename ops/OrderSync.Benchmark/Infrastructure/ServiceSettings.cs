using Npgsql;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>The broker and database the benchmark uses, as <c>ops/services.sh env</c> exports them.</summary>
public sealed record ServiceSettings(Uri RabbitMq, string Postgres, Uri RabbitMqManagement)
{
    public static ServiceSettings FromEnvironment()
    {
        static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; run eval \"$(bash ops/services.sh env)\" first, or use ops/benchmark.sh");

        return new ServiceSettings(
            new Uri(Required("ConnectionStrings__RabbitMq")),
            Required("ConnectionStrings__Postgres"),
            new Uri(Required("ORDERSYNC_RABBITMQ_MANAGEMENT_URL")));
    }

    /// <summary>The amqp URI of one virtual host of the broker.</summary>
    public Uri RabbitMqFor(string virtualHost) => new UriBuilder(RabbitMq) { Path = "/" + virtualHost }.Uri;

    public string PostgresFor(string database) => new NpgsqlConnectionStringBuilder(Postgres) { Database = database }.ConnectionString;
}
