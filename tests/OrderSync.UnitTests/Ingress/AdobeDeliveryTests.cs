using System.Text;
using OrderSync.Ingress.Delivery;

namespace OrderSync.UnitTests.Ingress;

public sealed class AdobeDeliveryTests
{
    [Fact]
    public void One_event_is_kept_as_its_exact_bytes()
    {
        var body = Encoding.UTF8.GetBytes("""{ "id": "e1", "type": "t1", "recipient_client_id": "c", "data": {"value": {}} }""");

        var cloudEvent = AdobeDelivery.Read(body, "c").ShouldHaveSingleItem();

        (cloudEvent.Id, cloudEvent.Type).ShouldBe(("e1", "t1"));
        cloudEvent.Json.ToArray().ShouldBe(body);
    }

    [Fact]
    public void A_batch_is_each_elements_json_text_in_order()
    {
        var body = """[{"id":"e1","type":"t1","recipient_client_id":"c"}, {"id":"e2","type":"t2","recipient_client_id":"c"}]"""u8.ToArray();

        AdobeDelivery.Read(body, "c").Select(e => Encoding.UTF8.GetString(e.Json.Span))
            .ShouldBe(["""{"id":"e1","type":"t1","recipient_client_id":"c"}""", """{"id":"e2","type":"t2","recipient_client_id":"c"}"""]);
    }

    [Theory]
    [InlineData("""[{"id":"e1","type":"t1","recipient_client_id":"c"},{"id":"e2","type":"t2","recipient_client_id":"other"}]""", "e2")]
    [InlineData("""{"id":"e1","type":"t1"}""", "e1")]
    public void One_event_for_another_client_refuses_the_delivery_naming_it(string body, string eventId) =>
        Should.Throw<WrongRecipientException>(() => AdobeDelivery.Read(Encoding.UTF8.GetBytes(body), "c")).EventId.ShouldBe(eventId);

    [Theory]
    [InlineData("not json", "The body is not JSON.")]
    [InlineData("[]", "The batch holds 0 events: 1 to 1000 are taken.")]
    [InlineData("\"text\"", "The body is neither a CloudEvent nor an array of CloudEvents.")]
    [InlineData("[1]", "An element of the batch is not a CloudEvent object.")]
    [InlineData("""{"type":"t","recipient_client_id":"c"}""", "A CloudEvent has no id.")]
    [InlineData("""{"id":"e1","recipient_client_id":"c"}""", "The CloudEvent has no type, or one longer than a routing key may be.")]
    public void A_malformed_body_is_refused_with_a_reason(string body, string reason) =>
        Should.Throw<MalformedDeliveryException>(() => AdobeDelivery.Read(Encoding.UTF8.GetBytes(body), "c")).Message.ShouldBe(reason);
}
