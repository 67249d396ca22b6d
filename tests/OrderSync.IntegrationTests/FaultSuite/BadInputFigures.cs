using System.Text.Json;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>How the worker answered one bad input of the table (Failures/BadInputTableTests), for the fault suite's report.</summary>
/// <param name="Answer">Where the answer went: a dead-letter queue, an Error result, or "ignored".</param>
/// <param name="Reason">The reason a person reads: the dead letter's MT-Fault-Message or the result's statusDetails.</param>
public sealed record BadInputFigures(int Row, string Input, string Answer, string Reason, bool NeighboursSynced, bool AsExpected)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(string fileName) =>
        File.WriteAllText(Path.Combine(FaultArtifacts.BadInputs, fileName + ".json"), JsonSerializer.Serialize(this, Json));
}
