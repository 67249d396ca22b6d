using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.EndToEnd;

/// <summary>
/// Contract section 1: a store sends each change in its <c>_save_after</c> or its <c>_commit_after</c> form (Adobe's integration
/// starter kit subscribes to the latter). The worker binds both and syncs them alike.
/// </summary>
public sealed class CommitAfterFormTests
{
    [Fact]
    public async Task A_shipment_commit_after_event_syncs_like_its_save_after_twin()
    {
        await using var stack = await SyncStack.Start();
        var saved = await stack.Sandbox.SeedOrder("MUG", "TEE");
        var committed = await stack.Sandbox.SeedOrder("MUG", "TEE");

        await stack.Commerce.Publish(CommerceEvents.Shipment(saved, "s1", [("MUG", 1)]));
        await stack.Commerce.Publish(As(ContractNames.ShipmentCommitted, CommerceEvents.Shipment(committed, "s1", [("MUG", 1)])));

        var fromSaved = await stack.Results.WaitFor(ContractNames.ShipmentSynced, saved);
        var fromCommitted = await stack.Results.WaitFor(ContractNames.ShipmentSynced, committed);
        Comparable(fromCommitted.Data).ShouldBe(Comparable(fromSaved.Data));
        fromCommitted.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        (await stack.Sandbox.LineStatuses(committed))["1"].ShouldContain("Shipped");
    }

    [Fact]
    public async Task A_track_and_a_cancellation_in_their_commit_after_forms_sync_too()
    {
        await using var stack = await SyncStack.Start();
        var tracked = await stack.Sandbox.SeedOrder("MUG");
        var cancelled = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(As(ContractNames.ShipmentCommitted, CommerceEvents.Shipment(tracked, "s1", [("MUG", 1)], trackNumber: null)));
        await stack.Commerce.Publish(As(ContractNames.TrackCommitted, CommerceEvents.Track(tracked, "s1", "1Z999AA10123456784")));
        await stack.Commerce.Publish(As(ContractNames.OrderCommitted, CommerceEvents.Cancellation(cancelled)));

        (await stack.Results.WaitFor(ContractNames.ShipmentSynced, tracked)).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        (await stack.Results.WaitFor(ContractNames.CancellationSynced, cancelled)).Data.GetProperty("orderStatus").GetString().ShouldBe("Canceled");
        (await stack.DeadLetterCount()).ShouldBe(0u);
    }

    private static JsonObject As(string type, JsonObject cloudEvent)
    {
        cloudEvent["type"] = type;
        return cloudEvent;
    }

    /// <summary>The result without what differs between two orders: their ids and the event each answers.</summary>
    private static string Comparable(JsonElement data)
    {
        var node = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var name in new[] { "purchaseOrderId", "orderIncrementId", "causationId", "occurredAt" })
        {
            node.Remove(name);
        }

        return node.ToJsonString();
    }
}
