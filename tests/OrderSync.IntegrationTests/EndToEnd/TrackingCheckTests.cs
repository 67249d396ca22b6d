using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.EndToEnd;

/// <summary>
/// Tracking checked before the ship call, with every real part: a number normalised, a custom carrier's number sent as the
/// Walmart carrier that issues it, and tracking Walmart may count as invalid sent with a warning or refused, as configured.
/// </summary>
public sealed class TrackingCheckTests
{
    [Fact]
    public async Task A_ups_number_typed_with_spaces_goes_normalised_and_a_fedex_number_under_a_custom_carrier_goes_as_fedex()
    {
        await using var stack = await SyncStack.Start();
        var spaced = await stack.Sandbox.SeedOrder("MUG");
        var custom = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(WithTrack(CommerceEvents.Shipment(spaced, "s1", [("MUG", 1)]), "ups", "UPS", "1z 999 aa1 0123 456 784"));
        await stack.Commerce.Publish(WithTrack(CommerceEvents.Shipment(custom, "s1", [("MUG", 1)]), "custom", "Speedy", "0123-4567-8983", "https://speedy.example/t/0123"));

        var spacedResult = await stack.Results.WaitFor(ContractNames.ShipmentSynced, spaced);
        var customResult = await stack.Results.WaitFor(ContractNames.ShipmentSynced, custom);
        (await SentTracking(stack, spaced)).ShouldBe(("UPS", "1Z999AA10123456784"));
        (await SentTracking(stack, custom)).ShouldBe(("FedEx", "012345678983"));
        spacedResult.Data.TryGetProperty("warnings", out _).ShouldBeFalse();
        (await SentLine(stack, spaced)).GetProperty("sellerOrderId").GetString().ShouldBe(CommerceOrder.Of(spaced).IncrementId, "the return label prints Commerce's order number");
        customResult.Data.GetProperty("lines")[0].GetProperty("carrier").GetString().ShouldBe("FedEx");
    }

    [Fact]
    public async Task A_malformed_number_is_sent_with_a_warning_by_default()
    {
        await using var stack = await SyncStack.Start();
        var po = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(WithTrack(CommerceEvents.Shipment(po, "s1", [("MUG", 1)]), "ups", "UPS", "1Z123"));

        var result = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        result.Data.GetProperty("warnings")[0].GetString().ShouldStartWith("UPS tracking number '1Z123' is not in a form UPS uses");
        (await SentTracking(stack, po)).ShouldBe(("UPS", "1Z123"));
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };
        await Eventually.True(
            async () => (await http.GetStringAsync("metrics")).Split('\n').Any(line => line.StartsWith("ordersync_tracking_checked_total{", StringComparison.Ordinal)
                && line.Contains("seller=\"walmart_us\"", StringComparison.Ordinal) && line.Contains("verdict=\"unrecognised\"", StringComparison.Ordinal)),
            "the unrecognised tracking to be counted",
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_malformed_number_is_refused_before_the_ship_call_when_configured()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["Walmart:UnrecognisedTracking"] = "Refuse" });
        var po = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(WithTrack(CommerceEvents.Shipment(po, "s1", [("MUG", 1)]), "ups", "UPS", "1Z123"));

        var failed = await stack.Results.WaitFor(ContractNames.SyncFailed, po);
        failed.Data.GetProperty("statusDetails").GetString()!.ShouldContain("Walmart:UnrecognisedTracking is Refuse");
        failed.Data.GetProperty("errorSource").GetString().ShouldBe("commerce");
        (await stack.Sandbox.Calls(po)).ShouldNotContain(call => call.GetProperty("operation").GetString() == "shipping");
    }

    private static JsonObject WithTrack(JsonObject shipment, string carrierCode, string title, string number, string? url = null)
    {
        var track = shipment["data"]!["value"]!["tracks"]![0]!.AsObject();
        track["carrier_code"] = carrierCode;
        track["title"] = title;
        track["track_number"] = number;
        if (url is not null)
        {
            track["track_url"] = url;
        }

        return shipment;
    }

    private static async Task<JsonElement> SentLine(SyncStack stack, string purchaseOrderId)
    {
        var shipping = (await stack.Sandbox.Calls(purchaseOrderId)).Single(c => c.GetProperty("operation").GetString() == "shipping");
        using var body = JsonDocument.Parse(shipping.GetProperty("requestBody").GetString()!);
        return body.RootElement.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0].Clone();
    }

    private static async Task<(string? Carrier, string? Number)> SentTracking(SyncStack stack, string purchaseOrderId)
    {
        var info = (await SentLine(stack, purchaseOrderId)).GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0].GetProperty("trackingInfo");
        var carrierName = info.GetProperty("carrierName");
        var carrier = carrierName.TryGetProperty("carrier", out var named) ? named.GetString() : carrierName.GetProperty("otherCarrier").GetString();
        return (carrier, info.GetProperty("trackingNumber").GetString());
    }
}
