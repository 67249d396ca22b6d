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
