using System.Diagnostics;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Stops and starts the fault suite's own RabbitMQ and PostgreSQL, through the command ops/fault-suite.sh gives in
/// <c>ORDERSYNC_FAULT_SERVICES_SCRIPT</c> (ops/services.sh with the fault instance's state folder and ports).
/// </summary>
public static class FaultServices
{
    public const string ScriptVariable = "ORDERSYNC_FAULT_SERVICES_SCRIPT";

    /// <summary>The command, or a failure that says how to run the suite: never the services other tests use.</summary>
    public static string Script => Environment.GetEnvironmentVariable(ScriptVariable) is { Length: > 0 } script
        ? script
        : throw new InvalidOperationException(
            $"{ScriptVariable} is not set: the fault suite stops RabbitMQ and PostgreSQL, so it runs only on services of its own, through 'bash ops/fault-suite.sh'.");

    public static Task StopRabbitMq() => Run("stop-rabbitmq");

    public static Task StopPostgres() => Run("stop-postgres");

    /// <summary>Starts whichever of the two is stopped (ops/services.sh up), and returns once both answer.</summary>
    public static Task StartAll() => Run("up");

    private static async Task Run(string verb)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"{Script} {verb}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Script} {verb}' failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
