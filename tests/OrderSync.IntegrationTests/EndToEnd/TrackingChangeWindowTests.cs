using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.IntegrationTests.Saga;

namespace OrderSync.IntegrationTests.EndToEnd;

/// <summary>
/// Walmart takes a tracking change only within 4 hours of the shipment's first shipping update (Worker:TrackingChangeWindow, here
/// seconds): a later change Commerce makes ends in Error at once, telling the merchant to make it in Seller Center.
/// </summary>
public sealed class TrackingChangeWindowTests
{
    [Fact]
    public async Task A_track_changed_after_the_window_ends_in_error_without_a_walmart_call()
    {
        var window = TimeSpan.FromSeconds(3);
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["Worker:TrackingChangeWindow"] = "00:00:03" });
        var po = await stack.Sandbox.SeedOrder("MUG", "TEE");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z999AA10000000001"));
        await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        await Task.Delay(window + TimeSpan.FromSeconds(1));

        var track = CommerceEvents.Track(po, "s1", "1Z999AA10000000002");
        await stack.Commerce.Publish(track);

        var failed = (await stack.Results.WaitFor(ContractNames.SyncFailed, po)).Data;
        failed.GetProperty("operation").GetString().ShouldBe("tracking-update");
        failed.GetProperty("errorSource").GetString().ShouldBe("commerce");
        failed.GetProperty("attempts").GetInt32().ShouldBe(0);
        failed.GetProperty("orderStatus").GetString().ShouldBe("Error");
        failed.GetProperty("causationId").GetString().ShouldBe(track["id"]!.GetValue<string>());
        failed.GetProperty("statusDetails").GetString()
            .ShouldBe("The new tracking number of shipment 0000s1 was not sent to Walmart: Walmart accepts tracking changes for 3 seconds after shipping; " +
                "change it in Seller Center.");

        // Nothing more goes to Walmart, now or on a retry, and nothing is dead-lettered.
        await Task.Delay(TimeSpan.FromSeconds(2));
        ShippingCalls(await stack.Sandbox.Calls(po)).ShouldBe(1);
        (await SandboxLedger.Lines(stack.Sandbox, po)).Single(l => l.Sku == "MUG").TrackingNumbers.ShouldBe(["1Z999AA10000000001"]);
        (await stack.DeadLetterCount()).ShouldBe(0u);
        stack.Results.Results.Count(r => r.Subject == po).ShouldBe(2);
    }

    [Fact]
    public async Task A_track_changed_within_the_window_is_sent_to_walmart()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["Worker:TrackingChangeWindow"] = "00:01:00" });
        var po = await stack.Sandbox.SeedOrder("MUG", "TEE");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z999AA10000000001"));
        await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);

        var track = CommerceEvents.Track(po, "s1", "1Z999AA10000000002");
        await stack.Commerce.Publish(track);

        var updated = await stack.Results.WaitFor(r =>
            r.Type == ContractNames.ShipmentSynced && r.Subject == po && r.Data.GetProperty("causationId").GetString() == track["id"]!.GetValue<string>());
        updated.Data.GetProperty("lines")[0].GetProperty("trackingNumber").GetString().ShouldBe("1Z999AA10000000002");
        ShippingCalls(await stack.Sandbox.Calls(po)).ShouldBe(2);
        (await SandboxLedger.Lines(stack.Sandbox, po)).Single(l => l.Sku == "MUG").TrackingNumbers.ShouldBe(["1Z999AA10000000002"]);
    }

    [Fact]
    public async Task A_change_that_reaches_walmart_after_its_window_ends_in_error_with_walmarts_words()
    {
        // The worker's window is Walmart's 4 hours; this Walmart's is 2 seconds, so the change is sent and refused by Walmart.
        await using var stack = await SyncStack.Start(workerSettings: null, "--Sandbox:TrackingChangeWindow=00:00:02");
        var po = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z999AA10000000001"));
        await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        await Task.Delay(TimeSpan.FromSeconds(3));

        await stack.Commerce.Publish(CommerceEvents.Track(po, "s1", "1Z999AA10000000002"));

        var failed = (await stack.Results.WaitFor(ContractNames.SyncFailed, po)).Data;
        failed.GetProperty("operation").GetString().ShouldBe("tracking-update");
        failed.GetProperty("errorSource").GetString().ShouldBe("walmart");
        failed.GetProperty("statusDetails").GetString()!.ShouldContain("can be updated only within 2 seconds of its first shipping update");
        ShippingCalls(await stack.Sandbox.Calls(po)).ShouldBe(2);
        (await SandboxLedger.Lines(stack.Sandbox, po)).Single().TrackingNumbers.ShouldBe(["1Z999AA10000000001"]);
    }

    private static int ShippingCalls(IReadOnlyList<JsonElement> calls) => calls.Count(c => c.GetProperty("operation").GetString() == "shipping");
}
