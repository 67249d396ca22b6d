namespace OrderSync.IntegrationTests.Hosting;

public sealed class TrackingChangeWindowStartupTests
{
    private static readonly Dictionary<string, string> ValidSettings = new()
    {
        ["ConnectionStrings__RabbitMq"] = "amqp://guest:guest@127.0.0.1:5672/",
        ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=integration",
        ["Walmart__BaseUrl"] = "http://127.0.0.1:9/",
        ["Walmart__Sellers__walmart_us__ClientId"] = "id",
        ["Walmart__Sellers__walmart_us__ClientSecret"] = "secret",
    };

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
