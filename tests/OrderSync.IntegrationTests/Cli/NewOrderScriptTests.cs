using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Cli;

/// <summary><c>ops/new-order.sh</c>: the README's new sample order refuses, in one line, when <c>ops/run.sh</c> left nothing running.</summary>
public sealed class NewOrderScriptTests
{
    [Fact]
    public async Task Without_the_sandbox_it_says_to_run_ops_run_sh_first_in_one_line()
    {
        var port = UnusedPort();

        var (exitCode, output, error) = await RunScript(new Dictionary<string, string> { ["ORDERSYNC_SANDBOX_PORT"] = port.ToString() });

        exitCode.ShouldBe(1, error);
        output.ShouldBeEmpty();
        var line = error.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("new-order: ");
        line.ShouldEndWith("run `bash ops/run.sh` first");
    }

    [Fact]
    public async Task An_unknown_argument_is_a_usage_error()
    {
        var (exitCode, output, error) = await RunScript(new Dictionary<string, string>(), "--stores", "walmart_us");

        exitCode.ShouldBe(64);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("new-order: unknown argument '--stores'; usage: bash ops/new-order.sh [--store CODE]");
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunScript(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "ops", "new-order.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
