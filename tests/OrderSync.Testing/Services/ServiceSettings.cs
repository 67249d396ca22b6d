using System.Diagnostics;
using Npgsql;

namespace OrderSync.Testing.Services;

/// <summary>
/// The RabbitMQ and PostgreSQL that tests and the benchmark run on, under the names <c>ops/services.sh env</c> exports them:
/// read from this process's environment (<see cref="FromEnvironment"/>), or from the script itself (<see cref="FromServicesScript"/>).
/// </summary>
public sealed record ServiceSettings(Uri RabbitMq, string Postgres, Uri RabbitMqManagement)
{
    /// <summary>The Commerce publisher's user on the default virtual host: it may only publish to commerce.order-events.</summary>
    public Uri? RabbitMqPublisher { get; init; }

    /// <summary>The operators' user on the default virtual host, as the CLI uses it.</summary>
    public Uri? RabbitMqOperator { get; init; }

    private const string RabbitMqVariable = "ConnectionStrings__RabbitMq";
    private const string PostgresVariable = "ConnectionStrings__Postgres";
    private const string ManagementVariable = "ORDERSYNC_RABBITMQ_MANAGEMENT_URL";

    /// <summary>As <c>eval "$(bash ops/services.sh env)"</c> set them (ops/benchmark.sh does).</summary>
    public static ServiceSettings FromEnvironment() =>
        From(Environment.GetEnvironmentVariable, "run eval \"$(bash ops/services.sh env)\" first, or use ops/benchmark.sh");

    /// <summary>
    /// Runs <c>ops/services.sh up</c>, which starts the services or reuses those that run (the instance the environment's
    /// <c>ORDERSYNC_*</c> variables name), then reads what <c>ops/services.sh env</c> exports.
    /// </summary>
    public static async Task<ServiceSettings> FromServicesScript(string? repositoryRoot = null)
    {
        var script = Path.Combine(repositoryRoot ?? RepositoryPaths.Root, "ops", "services.sh");
        await RunScript(script, "up");
        var exports = (await RunScript(script, "env")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\'', '"'));
        return From(exports.GetValueOrDefault, "ops/services.sh env does not export it");
    }

    /// <summary>The amqp URI of one virtual host of the broker.</summary>
    public Uri RabbitMqFor(string virtualHost) => new UriBuilder(RabbitMq) { Path = "/" + virtualHost }.Uri;

    /// <summary>The connection string of one database of the server.</summary>
    public string PostgresFor(string database) => new NpgsqlConnectionStringBuilder(Postgres) { Database = database }.ConnectionString;

    private static ServiceSettings From(Func<string, string?> read, string remedy)
    {
        string Required(string name) => read(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set; {remedy}");

        Uri? Optional(string name) => read(name) is { Length: > 0 } value ? new Uri(value) : null;

        return new ServiceSettings(new Uri(Required(RabbitMqVariable)), Required(PostgresVariable), new Uri(Required(ManagementVariable)))
        {
            RabbitMqPublisher = Optional("ORDERSYNC_RABBITMQ_PUBLISHER_URL"),
            RabbitMqOperator = Optional("ORDERSYNC_RABBITMQ_OPERATOR_URL"),
        };
    }

    private static async Task<string> RunScript(string script, string verb)
    {
        var start = new ProcessStartInfo("bash", [script, verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ops/services.sh {verb} failed ({process.ExitCode}): {await error}{await output}");
        }

        return await output;
    }
}
