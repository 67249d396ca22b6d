using System.Text;
using OrderSync.Operations.DeadLetters;
using RabbitMQ.Client;

namespace OrderSync.UnitTests.Cli;

public sealed class DeadLetterDecoderTests
{
    private const string CloudEvent = """{"specversion":"1.0","data":{"value":{"ext_order_id":"108829735420014"}}}""";

    [Fact]
    public void A_faulted_message_carries_its_reason_exception_time_order_and_target_queue()
    {
        var message = DeadLetterSamples.Read("walmart-sync.commerce-events_error", CloudEvent, DeadLetterSamples.FaultHeaders());

        message.Reason.ShouldBe("data.value.store_code is missing");
        message.ExceptionType.ShouldBe("OrderSync.Worker.Inbound.InvalidCommerceEventException");
        message.StackTrace.ShouldBe("   at A.B()");
        message.FaultedAt.ShouldBe(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567));
        message.PurchaseOrderId.ShouldBe("108829735420014");
        message.TargetQueue.ShouldBe("walmart-sync.commerce-events");
        message.Id.ShouldBe(MessageIds.Hash(Encoding.UTF8.GetBytes(CloudEvent), "2025-03-01T10:00:00.1234567Z"));
    }

    [Fact]
    public void A_faulted_message_whose_input_address_names_another_applications_queue_is_not_requeued_there()
    {
        var headers = DeadLetterSamples.FaultHeaders();
        headers["MT-Fault-InputAddress"] = Encoding.UTF8.GetBytes("rabbitmq://127.0.0.1/vhost/other-app.orders");

        var message = DeadLetterSamples.Read("walmart-sync.commerce-events_error", CloudEvent, headers);

        message.TargetQueue.ShouldBeNull();
        message.RequeueRefusal.ShouldBe("its MT-Fault-InputAddress names other-app.orders, which is not one of the worker's queues");
    }

    [Fact]
    public void A_skipped_masstransit_message_is_named_by_its_message_type()
    {
        var message = DeadLetterSamples.Read(
            "walmart-sync.order-sync_skipped", """{"messageType":["urn:message:Legacy:Thing"],"message":{}}""",
            new Dictionary<string, object?> { ["MT-Reason"] = Encoding.UTF8.GetBytes("dead-letter") }, messageId: "m-1");

        message.Reason.ShouldBe("no consumer for urn:message:Legacy:Thing");
        message.Id.ShouldBe("m-1");
        message.TargetQueue.ShouldBe("walmart-sync.order-sync");
        message.FaultedAt.ShouldBeNull();
    }

    [Fact]
    public void A_skipped_message_that_is_not_an_envelope_says_no_consumer_took_it() =>
        DeadLetterSamples.Read("q_skipped", "plain text", []).Reason.ShouldBe("no consumer for this message");

    [Fact]
    public void Without_a_fault_time_the_amqp_timestamp_is_the_time()
    {
        var properties = new BasicProperties { Timestamp = new AmqpTimestamp(1_740_823_200) };

        var message = DeadLetterDecoder.Decode("q_error", 1, properties, Encoding.UTF8.GetBytes("{}"));

        message.FaultedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_740_823_200));
        message.Reason.ShouldBe("unknown");
    }
}
