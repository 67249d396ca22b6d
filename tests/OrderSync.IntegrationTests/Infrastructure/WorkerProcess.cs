using System.Diagnostics;
using OrderSync.Testing;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>The worker as an operator starts it: its own process, configured by environment variables only.</summary>
public static class WorkerProcess
{
    /// <summary>The worker's own build output, of the configuration the tests were built in.</summary>
    public static string WorkerDirectory
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testOutput.Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Worker", "bin", configuration, testOutput.Name);
        }
    }

    public static async Task<(int ExitCode, string StandardError, string StandardOutput)> Run(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(WorkerDirectory, "OrderSync.Worker.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = WorkerDirectory,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Walmart__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The worker did not exit within {timeout}: {await output}");
        }

        return (process.ExitCode, await error, await output);
    }
}
