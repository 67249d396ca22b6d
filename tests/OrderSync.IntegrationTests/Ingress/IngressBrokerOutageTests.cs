using System.Net;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>
/// RabbitMQ gone for the ingress (its connection cut and its port refused, through a relay the test stops) while the test
/// reads the real broker: a delivery is answered 503 and none of its events is published; once the broker is back the same
/// delivery is answered 200 and lands whole.
/// </summary>
public sealed class IngressBrokerOutageTests
{
    [Fact]
    public async Task Without_the_broker_a_batch_is_answered_503_and_nothing_of_it_is_published()
    {
        await using var environment = await IsolatedEnvironment.Create();
        using var adobe = new AdobeSigningKey();
        await using var keys = await AdobeKeyServer.Start();
        keys.Serve(adobe);
        await using var tap = await EventTap.Bind(environment.RabbitMq);
        await using var relay = new TcpRelay(environment.RabbitMq.Port);
        relay.Start();
        var throughRelay = new UriBuilder(environment.RabbitMq) { Host = "127.0.0.1", Port = relay.Port }.Uri;
        await using var ingress = await IngressUnderTest.Start(throughRelay, keys.BaseUrl);
        await Eventually.True(async () => (await ingress.Health.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK, "the ingress to connect");
        var before = SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Cancellation("1088297355001"));
        (await ingress.Http.SendAsync(SignedDelivery.Of(before, adobe))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var batch = new JsonArray(
            SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297355002", "s1", [("MUG", 1)])),
            SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297355003", "s1", [("MUG", 1)])),
            SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297355004", "s1", [("MUG", 1)])));

        await relay.Stop();
        using var during = await ingress.Http.SendAsync(SignedDelivery.Of(batch, adobe));

        ((int)during.StatusCode).ShouldBe(503);
        await Eventually.True(async () => (await ingress.Health.GetAsync("health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "readiness to report the broker gone");
        (await tap.Take()).Select(m => m.RoutingKey).ShouldBe([ContractNames.OrderSaved], "only the event confirmed before the outage");

        relay.Start();
        var after = await Eventually.Matches(
            async () => (await ingress.Http.SendAsync(SignedDelivery.Of(batch, adobe))).StatusCode,
            status => status == HttpStatusCode.OK,
            "Adobe's redelivery to be accepted once the broker is back",
            TimeSpan.FromSeconds(60));

        after.ShouldBe(HttpStatusCode.OK);
        var published = await tap.Take();
        published.Select(m => m.BasicProperties.MessageId).ShouldBe(batch.Select(e => e!["id"]!.GetValue<string>()), "the batch once, whole, in order");
    }
}
