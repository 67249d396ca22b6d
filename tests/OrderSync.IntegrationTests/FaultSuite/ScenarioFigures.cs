using System.Text.Json;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>The figures of one fault scenario's run, written as JSON for the report ops/fault-suite.sh assembles.</summary>
public sealed record ScenarioFigures(
    string Scenario,
    string Load,
    string Faults,
    double Seconds,
    int EventsPublished,
    int EventsLost,
    int OrdersWrong,
    int LinesAppliedTwice,
    int FailedResults,
    uint DeadLetters,
    uint Skipped,
    int UnsettledOrders,
    int RepeatedResults,
    bool Survived,
    IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ScenarioFigures Of(
        string scenario, string faults, FaultScenario run, LedgerVerdict verdict, uint deadLetters, uint skipped, int unsettledOrders, IReadOnlyList<string> problems) => new(
        scenario,
        run.Workload.Describe(),
        faults,
        Math.Round(run.Elapsed.TotalSeconds),
        verdict.EventsPublished,
        verdict.EventsLost,
        verdict.OrdersWrong,
        verdict.LinesAppliedTwice,
        verdict.FailedResults,
        deadLetters,
        skipped,
        unsettledOrders,
        verdict.RepeatedResults,
        problems.Count == 0,
        [.. problems.Select(p => p.Split('\n')[0].TrimEnd(':'))]);

    /// <summary>Writes <c>figures/{fileName}.json</c> under the fault suite's artifacts, and the report again.</summary>
    public void Write(string fileName)
    {
        File.WriteAllText(Path.Combine(FaultArtifacts.Figures, fileName + ".json"), JsonSerializer.Serialize(this, Json));
        FaultReport.Write();
    }
}
