using System.Net;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>Adobe's side to Walmart's: a signed delivery posted to the ingress is synced by the worker, every part real.</summary>
public sealed class IngressEndToEndTests
{
    [Fact]
    public async Task A_signed_shipment_posted_to_the_ingress_is_shipped_on_walmart()
    {
        await using var stack = await SyncStack.Start();
        using var adobe = new AdobeSigningKey();
        await using var keys = await AdobeKeyServer.Start();
        keys.Serve(adobe);
        await using var ingress = await IngressUnderTest.Start(stack.Environment.RabbitMq, keys.BaseUrl);
        var po = await stack.Sandbox.SeedOrder("MUG", "TEE");
        var shipment = SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment(po, "s1", [("MUG", 1)]));
        shipment["type"] = ContractNames.ShipmentCommitted;

        using var answer = await ingress.Http.SendAsync(SignedDelivery.Of(shipment, adobe));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await stack.Results.WaitFor(ContractNames.ShipmentSynced, po);
        result.Data.GetProperty("orderStatus").GetString().ShouldBe("Partially Shipped");
        result.Data.GetProperty("causationId").GetString().ShouldBe(shipment["id"]!.GetValue<string>());
        (await stack.Sandbox.LineStatuses(po))["1"].ShouldContain("Shipped");
    }
}
