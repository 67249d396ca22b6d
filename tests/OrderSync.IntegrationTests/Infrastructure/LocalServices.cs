namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>
/// The real RabbitMQ and PostgreSQL, started by the project's own script (ops/services.sh), which reuses them when they run:
/// once for the whole test run.
/// </summary>
public static class LocalServices
{
    private static readonly Lazy<Task<ServiceSettings>> Settings = new(() => ServiceSettings.FromServicesScript());

    public static Task<ServiceSettings> Get() => Settings.Value;
}
