using System.Text;
using OrderSync.Operations.DeadLetters;
using RabbitMQ.Client;

namespace OrderSync.UnitTests.Cli;

public sealed class DeadLetterRequeuerTests
{
    private static readonly Guid RequeueId = Guid.Parse("6c3e3c2e-8d3b-4c52-9a43-0e3f5b0c9a11");
    private static readonly DateTimeOffset RequeuedAt = new(2025, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public void The_copy_keeps_body_properties_and_headers_without_the_fault_and_redelivery_headers()
    {
        var headers = DeadLetterSamples.FaultHeaders();
        headers["x-purchase-order-id"] = Encoding.UTF8.GetBytes("PO-1");
        headers["x-ordersync-redelivery-count"] = 6;
        headers["x-ordersync-first-failure"] = Encoding.UTF8.GetBytes("2025-03-01T09:00:00.0000000+00:00");
        var message = DeadLetterDecoder.Decode("walmart-sync.commerce-events_error", 1, new BasicProperties
        {
            MessageId = "evt-1",
            ContentType = "application/cloudevents+json",
            CorrelationId = "corr",
            Type = "t",
            Expiration = "60000",
            UserId = "someone",
            Headers = headers,
        }, Encoding.UTF8.GetBytes("{}"));

        var copy = DeadLetterRequeuer.Copy(message, RequeueId, RequeuedAt);

        copy.MessageId.ShouldBe("evt-1");
        copy.ContentType.ShouldBe("application/cloudevents+json");
        copy.CorrelationId.ShouldBe("corr");
        copy.Type.ShouldBe("t");
        copy.Persistent.ShouldBeTrue();
        copy.IsExpirationPresent().ShouldBeFalse();
        copy.IsUserIdPresent().ShouldBeFalse();
        copy.Headers!.Keys.Order().ShouldBe(["MT-Host-MachineName", "x-ordersync-requeue-id", "x-ordersync-requeued-at", "x-purchase-order-id"]);
        copy.Headers["x-ordersync-requeue-id"].ShouldBe("6c3e3c2e-8d3b-4c52-9a43-0e3f5b0c9a11");
        copy.Headers["x-ordersync-requeued-at"].ShouldBe("2025-03-01T12:00:00.250Z");
    }

    [Fact]
    public void A_second_requeue_replaces_the_requeue_headers_of_the_first()
    {
        var headers = DeadLetterSamples.FaultHeaders();
        headers["x-ordersync-requeue-id"] = Encoding.UTF8.GetBytes(Guid.NewGuid().ToString());
        headers["x-ordersync-requeued-at"] = Encoding.UTF8.GetBytes("2025-01-01T00:00:00.000Z");
        var message = DeadLetterSamples.Read("walmart-sync.commerce-events_error", "{}", headers);

        var copy = DeadLetterRequeuer.Copy(message, RequeueId, RequeuedAt);

        copy.Headers!["x-ordersync-requeue-id"].ShouldBe(RequeueId.ToString());
        copy.Headers["x-ordersync-requeued-at"].ShouldBe("2025-03-01T12:00:00.250Z");
    }
}
