using OrderSync.Cli.DeadLetters;

namespace OrderSync.UnitTests.Cli;

public sealed class DeadLetterQueueNamesTests
{
    [Theory]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.order-sync", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/walmart-sync.commerce-events?bind=true", "walmart-sync.commerce-events")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://host/my%20vhost/queue%2Ewith%2Edots", "queue.with.dots")]
    [InlineData("walmart-sync.order-sync_error", null, "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", "not a uri", "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_skipped", null, "walmart-sync.order-sync")]
    [InlineData("walmart-sync.order-sync_error", "rabbitmq://127.0.0.1/vhost/walmart-sync.order-sync_error", "walmart-sync.order-sync")]
    public void A_dead_letter_goes_back_to_the_queue_named_by_its_input_address_else_to_its_source_queue(string deadLetterQueue, string? inputAddress, string expected) =>
        DeadLetterQueueNames.TargetQueue(deadLetterQueue, inputAddress).ShouldBe(expected);

    [Theory]
    [InlineData("walmart-sync.commerce-events_error", true)]
    [InlineData("walmart-sync.commerce-events_skipped", true)]
    [InlineData("walmart-sync.commerce-events", false)]
    [InlineData("error_log", false)]
    public void Dead_letter_queues_are_those_ending_in_error_or_skipped(string queue, bool expected) =>
        DeadLetterQueueNames.IsDeadLetterQueue(queue).ShouldBe(expected);

    [Fact]
    public void The_known_queues_are_both_dead_letter_queues_of_each_worker_queue() =>
        DeadLetterQueueNames.KnownDeadLetterQueues.ShouldContain("walmart-sync.walmart-operations_skipped");
}
