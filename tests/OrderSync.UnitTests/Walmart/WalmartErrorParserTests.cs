using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartErrorParserTests
{
    [Fact]
    public void Reads_the_nested_error_list_shape()
    {
        const string body = """
            {"errors":{"error":[
              {"code":"INVALID_REQUEST_CONTENT.GMP_ORDER_API","field":"orderLineStatus","description":"Order line 1 is already shipped","info":"Request content is invalid.","severity":"ERROR","category":"DATA","causes":[]},
              {"code":"INVALID_REQUEST_CONTENT.GMP_ORDER_API","field":"carrier","description":"carrier 'Acme' is not supported"}]}}
            """;

        WalmartErrorParser.Parse(body).ShouldBe(
        [
            new WalmartError("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "orderLineStatus", "Order line 1 is already shipped"),
            new WalmartError("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "carrier", "carrier 'Acme' is not supported"),
        ]);
    }

    [Fact]
    public void Reads_the_flat_error_array_shape_with_a_message()
    {
        const string body = """{"errors":[{"code":"SYSTEM_ERROR.GMP_GATEWAY_API","message":"Internal system error, please retry"}]}""";

        WalmartErrorParser.Parse(body).ShouldBe([new WalmartError("SYSTEM_ERROR.GMP_GATEWAY_API", null, "Internal system error, please retry")]);
    }

    [Fact]
    public void Reads_a_single_error_object_under_errors_error()
    {
        const string body = """{"errors":{"error":{"code":"UNAUTHORIZED.GMP_GATEWAY_API","field":"UNAUTHORIZED","description":"Unauthorized"}}}""";

        WalmartErrorParser.Parse(body).ShouldBe([new WalmartError("UNAUTHORIZED.GMP_GATEWAY_API", "UNAUTHORIZED", "Unauthorized")]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html><body>503 Service Unavailable</body></html>")]
    [InlineData("{\"errors\":")]
    [InlineData("{\"order\":{}}")]
    [InlineData("[]")]
    public void A_body_without_walmart_errors_reads_as_no_errors(string? body)
    {
        WalmartErrorParser.Parse(body).ShouldBeEmpty();
    }
}
