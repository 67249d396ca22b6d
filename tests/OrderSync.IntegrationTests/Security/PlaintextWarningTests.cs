using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Security;

public sealed class PlaintextWarningTests
{
    [NonLoopbackFact]
    public async Task Plaintext_links_to_a_host_that_is_not_loopback_start_with_a_warning_per_link()
    {
        var address = NonLoopbackAddress.Find()!.ToString();
        var port = FreePort.Find();

        var (_, _, output) = await WorkerProcess.Run(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = $"amqp://worker:not-logged@{address}:{port}/",
                ["ConnectionStrings__Postgres"] = $"Host={address};Port={port};Username=app;Password=not-logged;Database=integration;Timeout=3",
                ["Walmart__BaseUrl"] = "http://127.0.0.1:9/",
                ["Walmart__Sellers__walmart_us__ClientId"] = "id",
                ["Walmart__Sellers__walmart_us__ClientSecret"] = "secret",
            },
            TimeSpan.FromSeconds(60));

        output.ShouldContain($"ConnectionStrings__RabbitMq is plaintext AMQP to {address}, which is not loopback");
        output.ShouldContain($"ConnectionStrings__Postgres may be plaintext to {address}, which is not loopback");
        output.ShouldNotContain("not-logged");
    }
}
