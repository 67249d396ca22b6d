using Microsoft.Extensions.Options;
using OrderSync.Walmart;
using OrderSync.Worker.Messaging;

namespace OrderSync.UnitTests.Messaging;

public sealed class WalmartOperationLanesTests
{
    private static readonly WalmartOperationLanes Lanes = new(Options.Create(new WalmartOptions
    {
        Sellers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["walmart_us"] = new() { ClientId = "client-us", ClientSecret = "secret" },
            ["WALMART_US_FR"] = new() { ClientId = "client-us", ClientSecret = "secret" },
            ["walmart_ca"] = new() { ClientId = "client-ca", ClientSecret = "secret" },
        },
    }));

    [Fact]
    public void Store_views_of_one_walmart_account_share_a_lane_named_after_its_first_store_code()
    {
        Lanes.Accounts.Select(WalmartOperationLanes.QueueOf).Order().ShouldBe(
            ["walmart-sync.walmart-operations.walmart_ca", "walmart-sync.walmart-operations.walmart_us"]);
        Lanes.AddressFor("walmart_us_fr").ShouldBe(Lanes.AddressFor("WALMART_US"));
        Lanes.AddressFor("walmart_us").ShouldBe(new Uri("exchange:walmart-sync.walmart-operations.walmart_us"));
    }

    [Fact]
    public void A_store_without_credentials_goes_to_the_shared_queue_where_its_operation_fails()
    {
        Lanes.AddressFor("walmart_mx").ShouldBe(QueueNames.WalmartOperationsAddress);
    }

    [Theory]
    [InlineData("walmart-sync.walmart-operations.walmart_us", "walmart-sync.walmart-operations_error")]
    [InlineData("walmart-sync.walmart-operations", "walmart-sync.walmart-operations_error")]
    [InlineData("walmart-sync.order-sync", "walmart-sync.order-sync_error")]
    public void Every_lane_dead_letters_into_the_one_operations_error_queue(string queue, string errorQueue)
    {
        var names = new LaneDeadLetterQueues();

        names.FormatErrorQueueName(queue).ShouldBe(errorQueue);
        names.FormatDeadLetterQueueName(queue).ShouldBe(errorQueue.Replace("_error", "_skipped", StringComparison.Ordinal));
    }
}
