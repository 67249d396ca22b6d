using System.Diagnostics;

using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>
/// The real RabbitMQ and PostgreSQL, started by the project's own script (ops/services.sh), which reuses them when they run.
/// </summary>
public static class LocalServices
{
    private static readonly Lazy<Task<ServiceSettings>> Settings = new(Start);

    public static Task<ServiceSettings> Get() => Settings.Value;

    private static async Task<ServiceSettings> Start()
    {
        await RunScript("up");
        var exports = await RunScript("env");
        var values = exports.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\'', '"'));
        return new ServiceSettings(
            new Uri(values["ConnectionStrings__RabbitMq"]),
            values["ConnectionStrings__Postgres"],
            new Uri(values["ORDERSYNC_RABBITMQ_MANAGEMENT_URL"]));
    }

    private static async Task<string> RunScript(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "ops", "services.sh"), verb])
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
