using System.Net;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>What the ingress answers when the rest is not there yet: no queue bound for the worker's types, no key domain.</summary>
public sealed class IngressRoutingTests
{
    [Fact]
    public async Task A_type_the_worker_binds_but_no_queue_takes_yet_is_answered_503_and_another_type_is_forwarded()
    {
        await using var environment = await IsolatedEnvironment.Create();
        using var adobe = new AdobeSigningKey();
        await using var keys = await AdobeKeyServer.Start();
        keys.Serve(adobe);
        await using var ingress = await IngressUnderTest.Start(environment.RabbitMq, keys.BaseUrl);
        var product = SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Cancellation("1088297356001"));
        product["type"] = "com.adobe.commerce.observer.catalog_product_save_after";

        using var shipment = await ingress.Http.SendAsync(SignedDelivery.Of(SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297356001", "s1", [("MUG", 1)])), adobe));
        using var other = await ingress.Http.SendAsync(SignedDelivery.Of(product, adobe));

        ((int)shipment.StatusCode).ShouldBe(503, "until the worker has bound its queue, the event would be dropped by the exchange");
        (await shipment.Content.ReadAsStringAsync()).ShouldContain("deliver them again");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_its_key_domain_a_delivery_is_answered_503_and_nothing_is_published()
    {
        await using var environment = await IsolatedEnvironment.Create();
        using var adobe = new AdobeSigningKey();
        await using var tap = await EventTap.Bind(environment.RabbitMq);
        await using var ingress = await IngressUnderTest.Start(environment.RabbitMq, new Uri($"http://127.0.0.1:{FreePort.Find()}/"));

        using var answer = await ingress.Http.SendAsync(SignedDelivery.Of(SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Cancellation("1088297356002")), adobe));

        ((int)answer.StatusCode).ShouldBe(503);
        (await tap.Count()).ShouldBe(0u);
    }
}
