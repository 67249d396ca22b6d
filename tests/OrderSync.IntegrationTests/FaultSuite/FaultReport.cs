using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// The fault suite's report (<c>fault-suite.md</c> under its artifacts): one row per scenario run so far and one per bad input,
/// rewritten whenever a scenario ends, so that the last one to end leaves the whole run's report.
/// </summary>
public static class FaultReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write()
    {
        var scenarios = Read<ScenarioFigures>(FaultArtifacts.Figures).OrderBy(s => s.Scenario, StringComparer.Ordinal).ToList();
        var inputs = Read<BadInputFigures>(FaultArtifacts.BadInputs).OrderBy(i => i.Row).ToList();
        var text = new StringBuilder();
        text.AppendLine("# Fault suite: latest run");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by the fault suite (`tests/OrderSync.IntegrationTests/FaultSuite`, run by `bash ops/fault-suite.sh`) on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, on a machine with {Environment.ProcessorCount} cores.");
        text.AppendLine("Real RabbitMQ and PostgreSQL (an instance of their own), the Walmart sandbox, the worker as its own process.");
        text.AppendLine("An event is lost when the result that must answer it never came; an order is wrong when the sandbox does not show it as Commerce left it or its last result has the wrong status.");
        text.AppendLine();
        text.AppendLine("| scenario | load held | faults survived | time | events lost | orders wrong | lines shipped or cancelled twice | sync.failed | dead letters (_error + _skipped) | still syncing | all right |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in scenarios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Scenario} | {s.Load} | {s.Faults} | {s.Seconds:0} s | **{s.EventsLost}** of {s.EventsPublished:N0} | {s.OrdersWrong} | {s.LinesAppliedTwice} | {s.FailedResults} | {s.DeadLetters} + {s.Skipped} | {s.UnsettledOrders} | {(s.Survived ? "yes" : "**no**")} |");
        }

        foreach (var s in scenarios.Where(s => s.Problems.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Problems of {s.Scenario}:");
            foreach (var problem in s.Problems)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
            }
        }

        text.AppendLine();
        text.AppendLine("## Bad inputs");
        text.AppendLine();
        if (inputs.Count == 0)
        {
            text.AppendLine("The bad-input table (`Failures/BadInputTableTests`, normal test phase) has not run since `artifacts/test-results` was last cleared.");
        }
        else
        {
            text.AppendLine("Each published between two valid events of other orders (`Failures/BadInputTableTests`, run in the normal test phase).");
            text.AppendLine();
            text.AppendLine("| input | answered with | reason given | events around it synced | as expected |");
            text.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var i in inputs)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {i.Input} | {i.Answer} | {Cell(i.Reason)} | {(i.NeighboursSynced ? "yes" : "**no**")} | {(i.AsExpected ? "yes" : "**no**")} |");
            }
        }

        File.WriteAllText(FaultArtifacts.Report, text.ToString());
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static IEnumerable<T> Read<T>(string directory) =>
        Directory.EnumerateFiles(directory, "*.json").Select(path => JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)!);
}
