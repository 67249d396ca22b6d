using System.Diagnostics;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Cli;

/// <summary>The operator command line as an operator runs it: its own process, the build output of the tests' configuration.</summary>
public static class OperatorCli
{
    public const string OperatorName = "cli-test-operator";

    public static string Assembly
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testOutput.Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Cli", "bin", configuration, testOutput.Name, "ordersync.dll");
        }
    }

    /// <summary>Runs <c>ordersync</c> with only the given environment for its connections (none inherited from the test run).</summary>
    public static async Task<CliResult> Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Assembly, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var name in start.Environment.Keys
            .Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("ORDERSYNC_", StringComparison.Ordinal))
            .ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["USER"] = OperatorName;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ordersync {string.Join(' ', arguments)} did not exit within 60 s: {await output}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
