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

    [Fact]
    public async Task A_worker_with_nothing_set_stops_with_one_line_naming_every_missing_key()
    {
        var (exitCode, error, output) = await WorkerProcess.Run(new Dictionary<string, string>(), TimeSpan.FromSeconds(30));

        exitCode.ShouldBe(78);
        var line = error.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("ConnectionStrings__RabbitMq is missing");
        line.ShouldContain("ConnectionStrings__Postgres is missing");
        line.ShouldContain("Walmart__BaseUrl is missing");
        line.ShouldContain("Walmart__Sellers is missing");
        output.ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("Worker__ShutdownTimeout", "soon", "Worker__ShutdownTimeout is not a valid duration")]
    [InlineData("Worker__PrefetchCount", "many", "Worker__PrefetchCount is not a valid whole number")]
    [InlineData("Retention__Interval", "soon", "Retention__Interval is not a valid duration")]
    public async Task A_value_that_is_not_of_its_keys_type_stops_the_worker_with_one_line_naming_the_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string>(ValidSettings) { [key] = value };

        var (exitCode, error, _) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30));

        exitCode.ShouldBe(78);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public async Task A_retention_age_out_of_range_stops_the_worker_with_one_line_naming_the_key()
    {
        var settings = new Dictionary<string, string>(ValidSettings) { ["Retention__FinishedOrders"] = "01:00:00" };

        var (exitCode, error, _) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30));

        exitCode.ShouldBe(78);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("Retention__FinishedOrders must be 0 (keep for ever) or at least 1 day");
    }

    [Theory]
    [InlineData("00:00:00", "Worker__TrackingChangeWindow must be positive")]
    [InlineData("four hours", "Worker__TrackingChangeWindow is not a valid duration")]
    public async Task A_bad_tracking_change_window_stops_the_worker_with_one_line_naming_the_key(string window, string expected)
    {
        var settings = new Dictionary<string, string>(ValidSettings) { ["Worker__TrackingChangeWindow"] = window };

        var (exitCode, error, _) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30));

        exitCode.ShouldBe(78);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }
}
