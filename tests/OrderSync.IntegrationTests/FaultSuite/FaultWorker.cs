using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// What the fault scenarios add to a worker process: their settings, and its log under the fault suite's artifacts. The process is
/// started until it reports ready, killed with SIGKILL or stopped with SIGTERM; disposing it kills it if it still runs.
/// </summary>
public static class FaultWorker
{
    /// <summary>Settings every fault scenario needs: both sandbox sellers, quick durable retries, Walmart calls that give up after 3 s.</summary>
    public static Dictionary<string, string> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["Walmart__Sellers__walmart_us__ClientId"] = "sandbox-walmart-us",
            ["Walmart__Sellers__walmart_us__ClientSecret"] = "sandbox-secret-walmart-us",
            ["Walmart__Sellers__walmart_ca__ClientId"] = "sandbox-walmart-ca",
            ["Walmart__Sellers__walmart_ca__ClientSecret"] = "sandbox-secret-walmart-ca",
            ["Walmart__RequestTimeout"] = "00:00:03",
            ["Walmart__RateLimits__Enabled"] = "false",
            ["Worker__RetryIntervals__0"] = "00:00:00.100",
            ["Worker__RetryIntervals__1"] = "00:00:00.500",
            ["Worker__RedeliveryDelays__0"] = "00:00:01",
            ["Worker__RedeliveryDelays__1"] = "00:00:02",
            ["Worker__RedeliveryDelays__2"] = "00:00:05",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<WorkerProcess> Start(string name, IsolatedEnvironment environment, Uri walmartBaseUrl, IReadOnlyDictionary<string, string> settings) =>
        WorkerProcess.Start(new WorkerLaunch(environment.RabbitMq, environment.Postgres, walmartBaseUrl, Path.Combine(FaultArtifacts.Logs, $"{name}-{DateTimeOffset.UtcNow:HHmmss}.log"))
        {
            Settings = settings,
            ReadyTimeout = TimeSpan.FromSeconds(90),
        });
}
