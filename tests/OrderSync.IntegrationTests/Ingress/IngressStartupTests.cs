namespace OrderSync.IntegrationTests.Ingress;

/// <summary>The ingress as an operator starts it, in its own process: a bad setting stops it at once, one line per key.</summary>
public sealed class IngressStartupTests
{
    private static readonly ProgramBuild Ingress = new(Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Ingress"), "OrderSync.Ingress", ProgramBuild.CurrentConfiguration);

    [Fact]
    public async Task With_nothing_set_it_stops_with_78_and_one_line_per_missing_key()
    {
        var (exitCode, error, output) = await WorkerProcess.Run(new Dictionary<string, string>(), TimeSpan.FromSeconds(30), Ingress);

        exitCode.ShouldBe(78);
        var lines = error.Trim().Split('\n');
        lines.Length.ShouldBe(2, error);
        lines.ShouldContain(line => line.Contains("Ingress__ClientId is missing", StringComparison.Ordinal));
        lines.ShouldContain(line => line.Contains("ConnectionStrings__RabbitMq is missing", StringComparison.Ordinal));
        output.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_plain_http_key_domain_that_is_not_loopback_is_refused_naming_the_key()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = "amqp://guest:guest@127.0.0.1:9/",
            ["Ingress__ClientId"] = "abc",
            ["Ingress__PublicKeyBaseUrl"] = "http://static.adobeioevents.com",
            ["Ingress__PermitsPerMinute"] = "many",
        };

        var (exitCode, error, _) = await WorkerProcess.Run(settings, TimeSpan.FromSeconds(30), Ingress);

        exitCode.ShouldBe(78);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("Ingress__PermitsPerMinute is not a valid Int32");
    }
}
