using OrderSync.Cli.DeadLetters;
using OrderSync.Operations.DeadLetters;

namespace OrderSync.UnitTests.Cli;

public sealed class DeadLetterFilterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly DeadLetter Message = DeadLetterSamples.Read(
        "walmart-sync.commerce-events_error",
        """{"data":{"value":{"ext_order_id":"PO-1"}}}""",
        DeadLetterSamples.FaultHeaders(timestamp: "2025-03-01T10:00:00Z"));

    [Fact]
    public void No_filter_keeps_every_message() => new DeadLetterFilter().Matches(Message, Now).ShouldBeTrue();

    [Theory]
    [InlineData("walmart-sync.commerce-events_error", true)]
    [InlineData("walmart-sync.commerce-events", true)]
    [InlineData("walmart-sync.commerce-events_skipped", false)]
    [InlineData("walmart-sync.order-sync", false)]
    public void A_queue_filter_takes_the_dead_letter_queue_or_its_source_queue(string queue, bool expected) =>
        new DeadLetterFilter(Queue: queue).Matches(Message, Now).ShouldBe(expected);

    [Theory]
    [InlineData("walmart-sync.walmart-operations.walmart_us", true)]
    [InlineData("walmart-sync.walmart-operations.walmart_ca", false)]
    [InlineData("walmart-sync.walmart-operations", true)]
    public void A_lane_filter_takes_the_dead_letters_that_failed_on_that_lane(string queue, bool expected)
    {
        var headers = DeadLetterSamples.FaultHeaders();
        headers["MT-Fault-InputAddress"] = System.Text.Encoding.UTF8.GetBytes("rabbitmq://127.0.0.1/vhost/walmart-sync.walmart-operations.walmart_us");
        var operation = DeadLetterSamples.Read("walmart-sync.walmart-operations_error", "{}", headers);

        new DeadLetterFilter(Queue: queue).Matches(operation, Now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("STORE_CODE", true)]
    [InlineData("InvalidCommerceEvent", true)]
    [InlineData("timeout", false)]
    public void A_reason_filter_looks_in_the_reason_and_the_exception_type_in_any_case(string reason, bool expected) =>
        new DeadLetterFilter(Reason: reason).Matches(Message, Now).ShouldBe(expected);

    [Theory]
    [InlineData("PO-1", true)]
    [InlineData("PO-12", false)]
    public void An_order_filter_takes_the_purchase_order_exactly(string order, bool expected) =>
        new DeadLetterFilter(PurchaseOrderId: order).Matches(Message, Now).ShouldBe(expected);

    [Theory]
    [InlineData(3, true)]
    [InlineData(1, false)]
    public void A_since_filter_keeps_messages_dead_lettered_within_the_duration(int hours, bool expected) =>
        new DeadLetterFilter(Since: TimeSpan.FromHours(hours)).Matches(Message, Now).ShouldBe(expected);

    [Fact]
    public void A_since_filter_leaves_out_messages_without_a_time()
    {
        var timeless = DeadLetterSamples.Read("q_skipped", "{}", []);

        new DeadLetterFilter(Since: TimeSpan.FromDays(365)).Matches(timeless, Now).ShouldBeFalse();
    }
}
