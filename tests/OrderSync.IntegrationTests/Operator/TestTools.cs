using System.Diagnostics;

namespace OrderSync.IntegrationTests.Operator;

/// <summary>
/// The programs the operator's tests run beside .NET (promtool, chromium, chromedriver), from Debian's packages, which
/// ops/lib/install-test-tools.sh installs. A missing one fails the test, naming the script: it never passes unseen.
/// </summary>
public static class TestTools
{
    public static string Require(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"{program} is not installed: run ops/lib/install-test-tools.sh as root (ops/test.sh does), which installs it from Debian's packages");
    }

    public static async Task<(int ExitCode, string Output)> Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Require(program), arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
