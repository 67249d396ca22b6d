using System.Diagnostics;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Cli;

/// <summary><c>ops/ordersync</c>: the command line as the README tells a newcomer to run it from the repository.</summary>
public sealed class CliWrapperTests
{
    [Fact]
    public async Task The_wrapper_runs_the_command_line_with_the_connection_settings_it_is_given()
    {
        await using var environment = await IsolatedEnvironment.Create();
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "ops", "ordersync"), "dead-letters", "list", "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__RabbitMq"] = environment.RabbitMq.ToString();
        start.Environment["ConnectionStrings__Postgres"] = environment.Postgres;

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, error);
        JsonDocument.Parse(output).RootElement.GetProperty("total").GetInt32().ShouldBe(0);
    }
}
