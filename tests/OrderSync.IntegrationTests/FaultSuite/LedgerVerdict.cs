using System.Globalization;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>How a scenario ended against its ledger: what was lost, wrong or done twice, and why.</summary>
public sealed record LedgerVerdict(
    int EventsPublished,
    int EventsLost,
    int OrdersChecked,
    int OrdersWrong,
    int LinesAppliedTwice,
    int FailedResults,
    int RepeatedResults,
    int ResultsReceived,
    IReadOnlyList<string> Problems)
{
    public bool NothingLost => EventsLost == 0 && OrdersWrong == 0 && LinesAppliedTwice == 0 && FailedResults == 0;

    /// <summary>The first problems, one per line, for an assertion message.</summary>
    public string Explain(int max = 25) =>
        string.Create(CultureInfo.InvariantCulture, $"{EventsLost} of {EventsPublished} events lost, {OrdersWrong} of {OrdersChecked} orders wrong, {LinesAppliedTwice} lines shipped or cancelled twice, {FailedResults} sync.failed results:\n")
        + string.Join('\n', Problems.Take(max))
        + (Problems.Count > max ? $"\n... and {Problems.Count - max} more" : string.Empty);
}
