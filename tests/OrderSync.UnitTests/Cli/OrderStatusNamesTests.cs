using OrderSync.Cli.Orders;

namespace OrderSync.UnitTests.Cli;

public sealed class OrderStatusNamesTests
{
    [Theory]
    [InlineData("Error", "Error")]
    [InlineData("error", "Error")]
    [InlineData("partially-shipped", "Partially Shipped")]
    [InlineData("PARTIALLY_SHIPPED", "Partially Shipped")]
    [InlineData(" Partially Shipped ", "Partially Shipped")]
    [InlineData("pending", "Pending")]
    [InlineData("canceled", "Canceled")]
    public void A_status_is_found_whatever_its_case_and_separator(string typed, string status) =>
        OrderStatusNames.Find(typed).ShouldBe(status);

    [Theory]
    [InlineData("Cancelled")]
    [InlineData("Lost")]
    [InlineData("")]
    public void Anything_else_is_not_a_status(string typed) => OrderStatusNames.Find(typed).ShouldBeNull();
}
