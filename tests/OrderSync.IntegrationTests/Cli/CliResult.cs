using System.Text.Json;

namespace OrderSync.IntegrationTests.Cli;

public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The failure line: stderr must hold exactly one.</summary>
    public string ErrorLine => StandardError.Trim().Split('\n').ShouldHaveSingleItem();

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(StandardOutput);
        return document.RootElement.Clone();
    }

    public CliResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, $"stderr: {StandardError}\nstdout: {StandardOutput}");
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
