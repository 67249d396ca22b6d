using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>One Commerce event of the load, and the result that must answer it.</summary>
/// <param name="Wave">Events of wave 2 are sent once every event of wave 1 is answered.</param>
public sealed record PlannedEvent(string PurchaseOrderId, JsonObject CloudEvent, ExpectedResult Answer, int Wave = 1)
{
    public string Id => CloudEvent["id"]!.GetValue<string>();
}
