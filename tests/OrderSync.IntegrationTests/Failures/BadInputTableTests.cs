using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.FaultSuite;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>
/// The issue's table of bad inputs: each one, published between valid events of two other orders, gets a reason a person can read
/// (a dead letter, or an Error result for the order it names) or is let pass where the contract says so, and the events around it
/// still sync. Each row leaves its figures for the fault suite's report.
/// </summary>
public sealed class BadInputTableTests(BadInputStack fixture) : IClassFixture<BadInputStack>
{
    private const string UnknownType = "com.adobe.commerce.observer.catalog_product_save_after";

    private static readonly string[] Inputs =
    [
        "not JSON",
        "JSON but not a CloudEvent",
        "an unknown type",
        "a missing ext_order_id",
        "a missing store_code",
        "an unknown store_code",
        "qty of abc",
        "a negative qty",
        "a qty of 1e30",
        "10,000 items",
        "a SKU not on the order",
        "an unknown purchase order (Walmart 404)",
        "a cancel without a reason",
        "an event of 900 KB",
        "an event of 2 MiB",
        "an ext_order_id of ../../v3/token",
        "the same id twice with different contents",
        "a wrong content type (XML)",
        "a wrong content type on a valid CloudEvent",
    ];

    private static readonly string[] DeadLetterQueues =
        [BadInputExpectation.IntakeErrors, "walmart-sync.order-sync_error", BadInputExpectation.OperationErrors, "walmart-sync.commerce-events_skipped"];

    private SyncStack Stack => fixture.Stack;

    public static TheoryData<string> Rows => [.. Inputs];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_bad_input_gets_a_readable_answer_while_the_events_around_it_still_sync(string input)
    {
        var before = await Stack.Sandbox.SeedOrder("MUG");
        var after = await Stack.Sandbox.SeedOrder("TEE");
        await Stack.Commerce.Publish(CommerceEvents.Shipment(before, "s1", [("MUG", 1)]));
        var expected = await Publish(input);
        await Stack.Commerce.Publish(CommerceEvents.Shipment(after, "s1", [("TEE", 1)]));

        var neighboursSynced = await Synced(before) && await Synced(after);
        var deadLetters = await TakeDeadLetters(expected.DeadLetterQueue is not null);
        var result = expected.PurchaseOrderId is null || (expected.FailureDetails is null && expected.SyncedType is null)
            ? null
            : await Result(expected.PurchaseOrderId, expected.FailureDetails is null ? expected.SyncedType! : ExpectedResult.SyncFailed);
        var unexpectedResults = Stack.Results.Results
            .Where(r => r.Subject == expected.PurchaseOrderId && r.Type != (expected.FailureDetails is null ? expected.SyncedType : ExpectedResult.SyncFailed))
            .Select(r => r.Type)
            .ToList();

        var problems = new List<string>();
        if (!neighboursSynced)
        {
            problems.Add("the events around it did not both sync");
        }

        var wantedLetters = expected.DeadLetterQueue is null ? 0 : 1;
        if (deadLetters.Count != wantedLetters
            || (wantedLetters == 1 && (deadLetters[0].Queue != expected.DeadLetterQueue || !deadLetters[0].Reason.StartsWith(expected.DeadLetterReason!, StringComparison.Ordinal))))
        {
            problems.Add($"dead letters [{string.Join("; ", deadLetters.Select(d => $"{d.Queue}: {d.Reason}"))}], expected {(wantedLetters == 0 ? "none" : $"one on {expected.DeadLetterQueue}: {expected.DeadLetterReason}...")}");
        }

        if (expected.FailureDetails is not null
            && (result is null
                || !result.Data.GetProperty("statusDetails").GetString()!.StartsWith(expected.FailureDetails, StringComparison.Ordinal)
                || result.Data.GetProperty("errorSource").GetString() != expected.ErrorSource))
        {
            problems.Add($"expected a sync.failed result ({expected.ErrorSource}) starting '{expected.FailureDetails}', got {(result is null ? "none" : result.Data.ToString())}");
        }

        if (expected.SyncedType is not null && result is null)
        {
            problems.Add($"expected a {expected.SyncedType} result, got none");
        }

        if (unexpectedResults.Count > 0)
        {
            problems.Add($"unexpected results for the order: {string.Join(", ", unexpectedResults)}");
        }

        if (expected.Check is not null)
        {
            try
            {
                await expected.Check();
            }
            catch (ShouldAssertException exception)
            {
                problems.Add(exception.Message);
            }
        }

        var reason = deadLetters.Select(d => d.Reason).FirstOrDefault()
            ?? (result is null ? null
                : result.Data.TryGetProperty("statusDetails", out var details) ? details.GetString()
                : $"none needed: {result.Type}, {result.Data.GetProperty("orderStatus").GetString()}")
            ?? "none: let pass (see answer)";
        new BadInputFigures(Array.IndexOf(Inputs, input) + 1, input, expected.Answer, reason, neighboursSynced, problems.Count == 0)
            .Write(string.Create(CultureInfo.InvariantCulture, $"{Array.IndexOf(Inputs, input) + 1:00}"));

        problems.ShouldBeEmpty($"input '{input}'");
    }

    /// <summary>Seeds what the row needs, publishes the bad input, and says how the worker must answer it.</summary>
    private async Task<BadInputExpectation> Publish(string input)
    {
        var commerce = Stack.Commerce;
        switch (input)
        {
            case "not JSON":
                await commerce.PublishRaw(Encoding.UTF8.GetBytes("this is { not json"), ContractNames.ShipmentSaved, "application/cloudevents+json");
                return BadInputExpectation.Rejected("The message body is not JSON");

            case "JSON but not a CloudEvent":
                await commerce.PublishRaw(Encoding.UTF8.GetBytes("""{"hello":"world"}"""), ContractNames.ShipmentSaved, "application/json");
                return BadInputExpectation.Rejected("The message is not a CloudEvent: attribute 'specversion' is missing.");

            case "an unknown type":
                {
                    // Routed by a bound key, so it reaches the worker's queue; the contract: acknowledged, counted, logged, never dead-lettered.
                    var po = await Stack.Sandbox.SeedOrder("CAP");
                    var unknown = CommerceEvents.Shipment(po, "s1", [("CAP", 1)]);
                    unknown["type"] = UnknownType;

                    // Another type's data is not the worker's to read: here binary, with no data.value.
                    unknown.Remove("data");
                    unknown["data_base64"] = "e30=";
                    await commerce.PublishRaw(Encoding.UTF8.GetBytes(unknown.ToJsonString()), ContractNames.ShipmentSaved, "application/cloudevents+json");
                    return BadInputExpectation.Ignored(po, "acknowledged and counted (ordersync_events_consumed_total), never dead-lettered, as the contract says", async () =>
                    {
                        using var http = new HttpClient { BaseAddress = Stack.Worker!.HttpAddress };
                        var metrics = await http.GetStringAsync("metrics");
                        metrics.Split('\n').ShouldContain(line => line.StartsWith("ordersync_events_consumed_total{", StringComparison.Ordinal) && line.Contains($"type=\"{UnknownType}\"", StringComparison.Ordinal), "the unknown type was not counted");
                        (await Stack.Sandbox.Calls(po)).ShouldBeEmpty("the unknown type made Walmart calls");
                    });
                }

            case "a missing ext_order_id":
                {
                    var missing = CommerceEvents.Shipment(WalmartSandbox.NewPurchaseOrderId(), "s1", [("MUG", 1)]);
                    missing["data"]!["value"]!.AsObject().Remove("ext_order_id");
                    await commerce.Publish(missing);
                    return BadInputExpectation.Rejected("Field data.value.ext_order_id is missing.");
                }

            case "a missing store_code":
                {
                    var missing = CommerceEvents.Shipment(await Stack.Sandbox.SeedOrder("MUG"), "s1", [("MUG", 1)]);
                    missing["data"]!["value"]!.AsObject().Remove("store_code");
                    await commerce.Publish(missing);
                    return BadInputExpectation.Rejected("Field data.value.store_code is missing.");
                }

            case "an unknown store_code":
                {
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    await commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], store: "walmart_mx"));
                    return BadInputExpectation.Failed(po, "No Walmart credentials are configured for store 'walmart_mx'.", "commerce");
                }

            case "qty of abc":
                {
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var bad = CommerceEvents.Shipment(po, "s1", [("MUG", 1)]);
                    bad["data"]!["value"]!["items"]![0]!["qty"] = "abc";
                    await commerce.Publish(bad);
                    return BadInputExpectation.RejectedForOrder(po, "Field data.value.items[0].qty is 'abc', which is not a number.");
                }

            case "a qty of 1e30":
                {
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var bad = CommerceEvents.Shipment(po, "s1", [("MUG", 1)]);
                    bad["data"]!["value"]!["items"]![0]!["qty"] = "1000000000000000000000000000000";
                    await commerce.Publish(bad);
                    return BadInputExpectation.RejectedForOrder(po, "Field data.value.items[0].qty is '1000000000000000000000000000000', which is not a number.");
                }

            case "10,000 items":
                {
                    // More entries than any Walmart order has lines: refused before a Walmart call, the order shown in Error.
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var bad = CommerceEvents.Shipment(po, "s1", [.. Enumerable.Repeat(("MUG", 1), 10_000)]);
                    await commerce.Publish(bad);
                    return BadInputExpectation.RejectedForOrder(po, "Field data.value.items has 10000 entries; an event may carry at most 1000.") with
                    {
                        Check = async () => (await Stack.Sandbox.Calls(po)).ShouldBeEmpty("Walmart was called for an event of 10,000 items"),
                    };
                }

            case "a negative qty":
                {
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var bad = CommerceEvents.Shipment(po, "s1", [("MUG", 1)]);
                    bad["data"]!["value"]!["items"]![0]!["qty"] = "-1.0000";
                    await commerce.Publish(bad);
                    return BadInputExpectation.RejectedForOrder(po, "Field data.value.items[0].qty is '-1.0000'; it must be a whole number above zero.");
                }

            case "a SKU not on the order":
                {
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    await commerce.Publish(CommerceEvents.Shipment(po, "s1", [("LAMP", 1)]));
                    return BadInputExpectation.Failed(po, $"SKU LAMP is not on Walmart order {po}.", "commerce");
                }

            case "an unknown purchase order (Walmart 404)":
                {
                    var po = WalmartSandbox.NewPurchaseOrderId();
                    await commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)]));
                    return BadInputExpectation.Failed(po, string.Empty, "walmart") with { Answer = "Error result (Walmart's 404) and dead letter (operation)" };
                }

            case "a cancel without a reason":
                {
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    await commerce.Publish(CommerceEvents.Cancellation(po, reason: null));
                    return BadInputExpectation.FailedBeforeWalmart(po, "The order was canceled in Commerce without a cancellation reason; Walmart needs one.");
                }

            case "an event of 900 KB":
                {
                    // A valid shipment carrying 900 KB more than the worker reads (Commerce may add any field), under the 1 MiB
                    // Worker:MaxEventBytes: it must simply sync.
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var large = CommerceEvents.Shipment(po, "s1", [("MUG", 1)]);
                    large["data"]!["value"]!["extension_attributes"] = new JsonObject { ["gift_message"] = new string('x', 900 * 1024) };
                    await commerce.Publish(large);
                    return new BadInputExpectation(po, null, null, null, null, ExpectedResult.ShipmentSynced, "synced: a large event under the limit is still a valid one");
                }

            case "an event of 2 MiB":
                {
                    // Over Worker:MaxEventBytes: refused before it is parsed, and no Walmart call for its order.
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var huge = CommerceEvents.Shipment(po, "s1", [("MUG", 1)]);
                    huge["data"]!["value"]!["extension_attributes"] = new JsonObject { ["gift_message"] = new string('x', 2 * 1024 * 1024) };
                    await commerce.Publish(huge);
                    return new BadInputExpectation(po, BadInputExpectation.IntakeErrors, $"The event {huge["id"]} is ", null, null, null, "dead letter (intake), unread", async () =>
                        (await Stack.Sandbox.Calls(po)).ShouldBeEmpty("Walmart was called for an event the worker must not read"));
                }

            case "an ext_order_id of ../../v3/token":
                {
                    // A purchase order id goes into Walmart's URLs: one that no Walmart id could be is refused, never sent.
                    await commerce.Publish(CommerceEvents.Shipment("../../v3/token", "s1", [("MUG", 1)]));
                    return new BadInputExpectation(
                        null, BadInputExpectation.IntakeErrors, "Field data.value.ext_order_id is '../../v3/token', not 1 to 32 letters", null, null, null, "dead letter (intake)");
                }

            case "the same id twice with different contents":
                {
                    // The id is the idempotency key: a second event under it with other contents is neither a copy to drop nor a
                    // new event to apply. The first stays applied; the second is dead-lettered for an operator, saying why.
                    var po = await Stack.Sandbox.SeedOrder("MUG", "TEE");
                    var first = CommerceEvents.Shipment(po, "s1", [("MUG", 1)], "T-FIRST");
                    await commerce.Publish(first);
                    await Stack.Results.WaitFor(ExpectedResult.ShipmentSynced, po, TimeSpan.FromSeconds(60));
                    var id = first["id"]!.GetValue<string>();
                    var second = CommerceEvents.Shipment(po, "s2", [("TEE", 1)], "T-SECOND");
                    second["id"] = id;
                    await commerce.Publish(second);
                    return new BadInputExpectation(
                        po,
                        "walmart-sync.order-sync_error",
                        $"Event {id} ({ContractNames.ShipmentSaved}) was already applied to order {po} with other contents; this one was not applied.",
                        null,
                        null,
                        ExpectedResult.ShipmentSynced,
                        "the first applied; the second dead-lettered (saga), not applied",
                        async () =>
                        {
                            Stack.Results.Results.Count(r => r.Subject == po && r.Type == ExpectedResult.ShipmentSynced).ShouldBe(1, "the second event with the same id was applied");
                            (await Stack.Sandbox.LineStatuses(po))["2"].ShouldBe(["Acknowledged"], "the second event with the same id shipped TEE");
                        });
                }

            case "a wrong content type (XML)":
                {
                    // Not one of the contract's three content types, and not JSON either: nothing to read.
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    var xml = $"<event><type>{ContractNames.ShipmentSaved}</type><ext_order_id>{po}</ext_order_id></event>";
                    await commerce.PublishRaw(Encoding.UTF8.GetBytes(xml), ContractNames.ShipmentSaved, "application/xml");
                    return new BadInputExpectation(po, BadInputExpectation.IntakeErrors, "The message body is not JSON", null, null, null, "dead letter (intake)");
                }

            case "a wrong content type on a valid CloudEvent":
                {
                    // The body is what the contract asks for; only the label is wrong. The intake reads the body, as it does when the
                    // content type is absent, rather than refuse a good event for its label.
                    var po = await Stack.Sandbox.SeedOrder("MUG");
                    await commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)]), contentType: "text/plain");
                    return new BadInputExpectation(po, null, null, null, null, ExpectedResult.ShipmentSynced, "synced: the body is read as JSON whatever its label");
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(input), input, "not a row of the table");
        }
    }

    private async Task<bool> Synced(string purchaseOrderId)
    {
        try
        {
            await Stack.Results.WaitFor(ExpectedResult.ShipmentSynced, purchaseOrderId, TimeSpan.FromSeconds(60));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<ReceivedResult?> Result(string purchaseOrderId, string type)
    {
        try
        {
            return await Stack.Results.WaitFor(type, purchaseOrderId, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Takes every dead letter of the row (waiting for one when one is expected, else a moment for any stray one).</summary>
    private async Task<List<(string Queue, string Reason)>> TakeDeadLetters(bool oneExpected)
    {
        if (oneExpected)
        {
            try
            {
                await Eventually.True(async () => await Depth() > 0, "a dead letter", TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                return [];
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var letters = new List<(string Queue, string Reason)>();
        foreach (var queue in DeadLetterQueues)
        {
            // A dead-letter queue exists only once something was dead-lettered to it.
            if (await Stack.Broker.Depth(queue) > 0)
            {
                letters.AddRange((await Stack.Broker.Take(queue)).Select(d => (queue, d.Reason)));
            }
        }

        return letters;
    }

    private async Task<uint> Depth()
    {
        uint total = 0;
        foreach (var queue in DeadLetterQueues)
        {
            total += await Stack.Broker.Depth(queue);
        }

        return total;
    }
}
