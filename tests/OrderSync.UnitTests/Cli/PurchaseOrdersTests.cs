using System.Text;
using OrderSync.Operations.DeadLetters;

namespace OrderSync.UnitTests.Cli;

public sealed class PurchaseOrdersTests
{
    private static readonly Dictionary<string, object?> NoHeaders = [];

    [Fact]
    public void The_worker_header_wins_over_the_body()
    {
        var headers = new Dictionary<string, object?> { ["x-purchase-order-id"] = Encoding.UTF8.GetBytes("PO-HEADER") };

        PurchaseOrders.Find(headers, Bytes("""{"data":{"value":{"ext_order_id":"PO-BODY"}}}""")).ShouldBe("PO-HEADER");
    }

    [Fact]
    public void A_raw_commerce_cloud_event_gives_its_external_order_number() =>
        PurchaseOrders.Find(NoHeaders, Bytes("""{"specversion":"1.0","type":"t","data":{"value":{"entity_id":"412","ext_order_id":"108829735420014"}}}"""))
            .ShouldBe("108829735420014");

    [Fact]
    public void A_numeric_external_order_number_is_read_as_written() =>
        PurchaseOrders.Find(NoHeaders, Bytes("""{"data":{"value":{"ext_order_id":108829735420014}}}""")).ShouldBe("108829735420014");

    [Fact]
    public void A_masstransit_envelope_gives_the_message_purchase_order() =>
        PurchaseOrders.Find(NoHeaders, Bytes("""{"messageId":"m","messageType":["urn:message:X:Y"],"message":{"operationId":"o","purchaseOrderId":"PO-CMD"}}"""))
            .ShouldBe("PO-CMD");

    [Fact]
    public void A_masstransit_envelope_of_an_order_event_gives_its_context_purchase_order() =>
        PurchaseOrders.Find(NoHeaders, Bytes("""{"message":{"correlationId":"c","context":{"eventId":"e","purchaseOrderId":"PO-EVENT"}}}"""))
            .ShouldBe("PO-EVENT");

    [Fact]
    public void A_raw_json_operator_command_gives_its_purchase_order() =>
        PurchaseOrders.Find(NoHeaders, Bytes("""{"command":"resync","purchaseOrderId":"PO-RESYNC","storeCode":"walmart_us"}""")).ShouldBe("PO-RESYNC");

    [Fact]
    public void Pascal_case_property_names_are_read_too() =>
        PurchaseOrders.Find(NoHeaders, Bytes("""{"Message":{"PurchaseOrderId":"PO-PASCAL"}}""")).ShouldBe("PO-PASCAL");

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"data":{"value":{"entity_id":"412"}}}""")]
    [InlineData("""{"data":{"value":{"ext_order_id":""}}}""")]
    [InlineData("""{"data":"value"}""")]
    [InlineData("""{"data":{"value":{"ext_order_id":"PO""")]
    public void A_body_that_names_no_order_gives_none(string body) => PurchaseOrders.Find(NoHeaders, Bytes(body)).ShouldBeNull();

    [Fact]
    public void A_body_with_a_byte_order_mark_is_still_read() =>
        PurchaseOrders.Find(NoHeaders, [0xEF, 0xBB, 0xBF, .. Bytes("""{"purchaseOrderId":"PO-BOM"}""")]).ShouldBe("PO-BOM");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
