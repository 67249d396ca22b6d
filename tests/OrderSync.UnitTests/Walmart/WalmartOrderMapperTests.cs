using System.Text.Json;
using OrderSync.Walmart;
using OrderSync.Walmart.Wire;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartOrderMapperTests
{
    [Theory]
    [InlineData("\"Y\"")]
    [InlineData("\"y\"")]
    [InlineData("\"true\"")]
    [InlineData("\"TRUE\"")]
    [InlineData("true")]
    [InlineData("\"REQUESTED\"")]
    public void A_line_with_intent_to_cancel_set_reads_as_the_customers_request(string value)
    {
        ReadLine($""", "intentToCancel": {value}""").IntentToCancel.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData(""", "intentToCancel": null""")]
    [InlineData(""", "intentToCancel": false""")]
    [InlineData(""", "intentToCancel": "false" """)]
    [InlineData(""", "intentToCancel": "False" """)]
    [InlineData(""", "intentToCancel": "N" """)]
    [InlineData(""", "intentToCancel": "n" """)]
    [InlineData(""", "intentToCancel": "" """)]
    [InlineData(""", "intentToCancel": "  " """)]
    public void A_line_without_intent_to_cancel_or_with_it_false_n_or_empty_reads_as_no_request(string field)
    {
        ReadLine(field).IntentToCancel.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1749038400000")]
    [InlineData("\"1749038400000\"")]
    [InlineData("\"2025-06-04T12:00:00Z\"")]
    public void The_estimated_ship_date_reads_as_the_ship_by_date(string value)
    {
        ReadOrder($$""", "shippingInfo": {"methodCode": "Standard", "estimatedShipDate": {{value}}}""").ShipBy
            .ShouldBe(new DateTimeOffset(2025, 6, 4, 12, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("")]
    [InlineData(""", "shippingInfo": {"methodCode": "Standard"}""")]
    [InlineData(""", "shippingInfo": {"estimatedShipDate": null}""")]
    [InlineData(""", "shippingInfo": {"estimatedShipDate": "soon"}""")]
    [InlineData(""", "shippingInfo": {"estimatedShipDate": -5}""")]
    public void An_order_without_a_readable_estimated_ship_date_has_no_ship_by_date(string shippingInfo)
    {
        ReadOrder(shippingInfo).ShipBy.ShouldBeNull();
    }

    private static WalmartOrder ReadOrder(string shippingInfoField)
    {
        var json = """{"order":{"purchaseOrderId":"PO-1" """ + shippingInfoField + ""","orderLines":{"orderLine":[]}}}""";
        return WalmartOrderMapper.ToOrder(JsonSerializer.Deserialize(json, WalmartJsonContext.Default.OrderResponseDto)!.Order).ShouldNotBeNull();
    }

    private static WalmartOrderLine ReadLine(string intentToCancelField)
    {
        var json = """
            {"order":{"purchaseOrderId":"PO-1","orderLines":{"orderLine":[
              {"lineNumber":"1","item":{"sku":"WM-MUG-BLU"},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
               "orderLineStatuses":{"orderLineStatus":[{"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}
            """ + intentToCancelField + "}]}}}";
        var order = WalmartOrderMapper.ToOrder(JsonSerializer.Deserialize(json, WalmartJsonContext.Default.OrderResponseDto)!.Order);
        return order.ShouldNotBeNull().Lines.ShouldHaveSingleItem();
    }
}
