using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Hosting;

public sealed class StartupConfigurationTests
{
    private static readonly Dictionary<string, string> ValidSettings = new()
    {
        ["ConnectionStrings__RabbitMq"] = "amqp://guest:guest@127.0.0.1:5672/",
        ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=integration",
        ["Walmart__BaseUrl"] = "http://127.0.0.1:9/",
        ["Walmart__Sellers__walmart_us__ClientId"] = "id",
        ["Walmart__Sellers__walmart_us__ClientSecret"] = "secret",
    };

    [Fact]
    public async Task A_missing_postgres_connection_stops_the_worker_at_once_with_one_line_naming_the_key()
    {
        var settings = new Dictionary<string, string>(ValidSettings);
        settings.Remove("ConnectionStrings__Postgres");

        var (exitCode, error, output) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30));

        exitCode.ShouldNotBe(0);
        var line = error.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("ConnectionStrings__Postgres is missing");
        output.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_malformed_rabbitmq_uri_stops_the_worker_naming_the_key()
    {
        var settings = new Dictionary<string, string>(ValidSettings) { ["ConnectionStrings__RabbitMq"] = "localhost:5672" };

        var (exitCode, error, _) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30));

        exitCode.ShouldNotBe(0);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("ConnectionStrings__RabbitMq");
    }

    [Fact]
    public async Task A_seller_without_a_secret_stops_the_worker_naming_the_key()
    {
        var settings = new Dictionary<string, string>(ValidSettings);
        settings.Remove("Walmart__Sellers__walmart_us__ClientSecret");

        var (exitCode, error, _) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30));

        exitCode.ShouldNotBe(0);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("walmart_us");
    }
}
