using System.Net;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Observability;

/// <summary>A seller whose secret Walmart refuses, on the real stack: how often the worker asks the sandbox for its token.</summary>
public sealed class ReadinessTokenTests
{
    private static readonly Dictionary<string, string?> WrongCanadianSecret = new() { ["Walmart:Sellers:walmart_ca:ClientSecret"] = "not-the-secret" };

    [Fact]
    public async Task Probing_readiness_50_times_asks_walmart_for_the_refused_sellers_token_once()
    {
        await using var stack = await SyncStack.Start(WrongCanadianSecret);
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        var answers = new List<HttpResponseMessage>();
        for (var probe = 0; probe < 25; probe++)
        {
            answers.Add(await http.GetAsync("health/ready"));
        }

        answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => http.GetAsync("health/ready"))));

        var tokenCalls = (await stack.Sandbox.RecordedCalls()).Where(call => call.Path == "/v3/token").ToList();
        tokenCalls.Count(call => call.StatusCode == 401).ShouldBe(1, "at most one token call a minute for the refused seller, and readiness did ask");
        tokenCalls.Count(call => call.IsSuccess).ShouldBe(1, "the other seller's token is cached");

        answers.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.OK, "a seller without a token leaves the instance in rotation");
        var body = await answers[^1].Content.ReadAsStringAsync();
        var sellers = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("walmart-sellers");
        sellers.GetProperty("status").GetString().ShouldBe("Degraded");
        sellers.GetProperty("description").GetString().ShouldBe("1 of 2 sellers cannot get a Walmart token: walmart_ca: Walmart refused the credentials (HTTP 401).");
        body.ShouldNotContain("Invalid client id", customMessage: "the sandbox's error text");
        body.ShouldNotContain("ClientSecret");
    }

    [Fact]
    public async Task Events_of_the_refused_seller_end_in_error_without_a_token_call_each()
    {
        await using var stack = await SyncStack.Start(WrongCanadianSecret);
        var first = WalmartSandbox.NewPurchaseOrderId();
        var second = WalmartSandbox.NewPurchaseOrderId();

        await stack.Commerce.Publish(CommerceEvents.Shipment(first, "s1", [("MUG", 1)], store: "walmart_ca"));
        var firstFailed = await stack.Results.WaitFor("walmart.order.sync.failed", first);
        await stack.Commerce.Publish(CommerceEvents.Shipment(second, "s2", [("MUG", 1)], store: "walmart_ca"));
        var secondFailed = await stack.Results.WaitFor("walmart.order.sync.failed", second);

        foreach (var failed in new[] { firstFailed, secondFailed })
        {
            failed.Data.GetProperty("orderStatus").GetString().ShouldBe("Error");
            failed.Data.GetProperty("statusDetails").GetString()!.ShouldContain("Walmart refused the credentials of store 'walmart_ca' (HTTP 401)");
        }

        (await stack.Sandbox.RecordedCalls()).Count(call => call.Path == "/v3/token").ShouldBe(1, "the second event got the remembered refusal");
    }
}
