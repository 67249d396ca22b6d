using OrderSync.Operations.DeadLetters;
using OrderSync.Walmart;
using OrderSync.Worker.Messaging;
using OrderSync.Worker.Messaging.Redelivery;

namespace OrderSync.UnitTests.Cli;

public sealed class WorkerQueuesTests
{
    [Fact]
    public void The_named_queues_are_the_workers()
    {
        WorkerQueues.Named.ShouldBe([QueueNames.CommerceEvents, QueueNames.OrderSync, QueueNames.WalmartOperations, QueueNames.OperatorCommands]);
    }

    [Fact]
    public void Every_dead_letter_queue_the_worker_names_is_one_the_cli_reads()
    {
        var names = new LaneDeadLetterQueues();
        var lane = WalmartOperationLanes.QueueOf(new WalmartAccount("walmart_us", ["walmart_us"]));
        var workerDeadLetterQueues = WorkerQueues.Named.Append(lane)
            .SelectMany(queue => new[] { names.FormatErrorQueueName(queue), names.FormatDeadLetterQueueName(queue) })
            .Distinct()
            .Order(StringComparer.Ordinal);

        WorkerQueues.DeadLetterQueues.Order(StringComparer.Ordinal).ShouldBe(workerDeadLetterQueues);
    }

    [Theory]
    [InlineData("walmart-sync.order-sync", true)]
    [InlineData("walmart-sync.walmart-operations.walmart_us", true)]
    [InlineData("walmart-sync.walmart-operations.", false)]
    [InlineData("walmart-sync.walmart-operations_error", false)]
    [InlineData("walmart-sync.wait-30s", false)]
    [InlineData("walmart-sync.something-else", false)]
    [InlineData("other-app.orders", false)]
    public void Worker_queues_are_the_four_named_ones_and_the_seller_lanes(string queue, bool expected) =>
        WorkerQueues.IsWorkerQueue(queue).ShouldBe(expected);

    [Fact]
    public void A_lane_is_named_as_the_worker_names_it_and_a_wait_queue_is_not_a_worker_queue()
    {
        WorkerQueues.IsLane(WalmartOperationLanes.QueueOf(new WalmartAccount("walmart_ca", ["walmart_ca"]))).ShouldBeTrue();
        WorkerQueues.IsWorkerQueue(WaitQueues.NameFor(TimeSpan.FromSeconds(30))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("walmart-sync.commerce-events_error", true)]
    [InlineData("walmart-sync.operator-commands_skipped", true)]
    [InlineData("walmart-sync.commerce-events", false)]
    [InlineData("walmart-sync.walmart-operations.walmart_us_error", false)]
    [InlineData("other-app.orders_error", false)]
    [InlineData("error_log", false)]
    public void Dead_letter_queues_are_only_those_of_the_four_named_queues(string queue, bool expected) =>
        WorkerQueues.IsDeadLetterQueue(queue).ShouldBe(expected);

    [Theory]
    [InlineData("walmart-sync.walmart-operations.walmart_us", "walmart-sync.walmart-operations")]
    [InlineData("walmart-sync.walmart-operations", "walmart-sync.walmart-operations")]
    [InlineData("walmart-sync.order-sync", "walmart-sync.order-sync")]
    public void A_lanes_dead_letters_go_to_the_operations_queues(string queue, string expected) =>
        WorkerQueues.DeadLettersGoTo(queue).ShouldBe(expected);

    [Theory]
    [InlineData("walmart-sync.order-sync_error")]
    [InlineData("walmart-sync.order-sync")]
    [InlineData("walmart-sync.walmart-operations.walmart_us")]
    public void A_queue_option_naming_a_worker_queue_is_taken(string queue) => WorkerQueues.Refusal(queue).ShouldBeNull();

    [Theory]
    [InlineData("other-app.orders_error")]
    [InlineData("other-app.orders")]
    [InlineData("walmart-sync.wait-30s")]
    [InlineData("no-such-queue")]
    public void A_queue_option_naming_another_queue_is_refused_in_one_line(string queue)
    {
        var refusal = WorkerQueues.Refusal(queue).ShouldNotBeNull();

        refusal.ShouldStartWith($"--queue {queue}: the CLI only handles the worker's own dead-letter queues");
        refusal.ShouldNotContain('\n');
    }
}
