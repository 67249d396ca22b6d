using OrderSync.Testing;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>Where the fault suite leaves worker logs and the figures of each scenario for ops/fault-suite.sh's report.</summary>
public static class FaultArtifacts
{
    public const string DirectoryVariable = "ORDERSYNC_FAULT_ARTIFACTS";

    public static string Root => Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory
        ? directory
        : Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "fault-suite");

    public static string Logs => Created(Path.Combine(Root, "logs"));

    /// <summary>One JSON file per scenario or bad input, assembled into the report by ops/fault-suite.sh.</summary>
    public static string Figures => Created(Path.Combine(Root, "figures"));

    /// <summary>One JSON file per row of the bad-input table, which runs in the normal phase (ops/test.sh clears it first).</summary>
    public static string BadInputs => Created(Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "bad-inputs"));

    /// <summary>The report of the latest run, rewritten each time a scenario ends.</summary>
    public static string Report => Path.Combine(Created(Root), "fault-suite.md");

    private static string Created(string path)
    {
        Directory.CreateDirectory(path);
        return path;
    }
}
