namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>
/// The worker in its own process, as deployed, on a test's own virtual host and database: started until it reports ready, then
/// stopped with SIGTERM (<see cref="WorkerProcess.Terminate"/>) or killed (disposing it). Its log is under artifacts/test-results/workers.
/// </summary>
public static class RunningWorkerProcess
{
    public static Task<WorkerProcess> Start(IsolatedEnvironment environment, Uri walmartBaseUrl, IDictionary<string, string>? settings = null) =>
        WorkerProcess.Start(new WorkerLaunch(
            environment.RabbitMq,
            environment.Postgres,
            walmartBaseUrl,
            Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "workers", $"{environment.Name}-{DateTimeOffset.UtcNow:HHmmss.fff}.log"))
        {
            Sellers = [SellerAccount.WalmartUs],
            Settings = [KeyValuePair.Create("Serilog__MinimumLevel__Default", "Warning"), .. settings ?? new Dictionary<string, string>()],
            StartTimeout = TimeSpan.FromSeconds(60),
            ReadyTimeout = TimeSpan.FromSeconds(60),
        });
}
