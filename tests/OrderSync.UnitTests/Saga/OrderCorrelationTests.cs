using OrderSync.Worker.Inbound;

namespace OrderSync.UnitTests.Saga;

public sealed class OrderCorrelationTests
{
    [Fact]
    public void The_saga_id_of_an_order_is_the_same_every_time_and_differs_per_store_and_purchase_order()
    {
        var id = OrderCorrelation.For("walmart_us", "108829735420014");

        OrderCorrelation.For("walmart_us", "108829735420014").ShouldBe(id);
        OrderCorrelation.For("walmart_ca", "108829735420014").ShouldNotBe(id);
        OrderCorrelation.For("walmart_us", "108829735420277").ShouldNotBe(id);
    }

    [Fact]
    public void Store_and_purchase_order_cannot_be_shifted_into_each_other()
    {
        OrderCorrelation.For("walmart_us1", "08829735420014").ShouldNotBe(OrderCorrelation.For("walmart_us", "108829735420014"));
    }
}
