using OrderSync.Operations.DeadLetters;

namespace OrderSync.UnitTests.Cli;

public sealed class RequeueTargetTests
{
    [Theory]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.order-sync", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/walmart-sync.order-sync?bind=true", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://host/my%20vhost/walmart-sync%2Eorder-sync", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", null, "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", " ", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_skipped", null, "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.order-sync_error", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.walmart-operations_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.walmart-operations.walmart_us", "walmart-sync.walmart-operations.walmart_us")]
    [InlineData("walmart-sync.walmart-operations_skipped", "rabbitmq://127.0.0.1/vhost/walmart-sync.walmart-operations", "walmart-sync.walmart-operations")]
    public void A_dead_letter_goes_back_to_the_worker_queue_it_failed_on(string deadLetterQueue, string? inputAddress, string expected)
    {
        var target = RequeueTarget.Of(deadLetterQueue, inputAddress);

        target.ShouldBe(new RequeueTarget(expected, null));
    }

    [Theory]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/other-app.orders", "names other-app.orders, which is not one of the worker's queues")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/other-app.orders_error", "names other-app.orders_error, which is not one of the worker's queues")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.wait-30s", "names walmart-sync.wait-30s, which is not one of the worker's queues")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.commerce-events", "names walmart-sync.commerce-events, whose dead letters do not go to walmart-sync.order-sync_error")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.walmart-operations.walmart_us", "whose dead letters do not go to walmart-sync.order-sync_error")]
    [InlineData("walmart-sync.order-sync_error", "not a uri", "names no queue")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/", "names no queue")]
    public void A_dead_letter_whose_input_address_names_any_other_queue_is_refused(string deadLetterQueue, string inputAddress, string reason)
    {
        var target = RequeueTarget.Of(deadLetterQueue, inputAddress);

        target.Queue.ShouldBeNull();
        target.Refusal.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void A_message_in_another_applications_dead_letter_queue_goes_nowhere()
    {
        var target = RequeueTarget.Of("other-app.orders_error", null);

        target.Queue.ShouldBeNull();
        target.Refusal.ShouldBe("other-app.orders_error is not one of the worker's dead-letter queues");
    }
}
