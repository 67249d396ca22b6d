using System.Text;
using OrderSync.Operations.DeadLetters;
using RabbitMQ.Client;

namespace OrderSync.UnitTests.Cli;

/// <summary>Dead letters as the CLI reads them off the broker, built here without one.</summary>
public static class DeadLetterSamples
{
    public static Dictionary<string, object?> FaultHeaders(string reason = "data.value.store_code is missing", string timestamp = "2025-03-01T10:00:00.1234567Z") => new()
    {
        ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
        ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("OrderSync.Worker.Inbound.InvalidCommerceEventException"),
        ["MT-Fault-Message"] = Encoding.UTF8.GetBytes(reason),
        ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes(timestamp),
        ["MT-Fault-InputAddress"] = Encoding.UTF8.GetBytes("rabbitmq://127.0.0.1/vhost/walmart-sync.commerce-events"),
        ["MT-Fault-StackTrace"] = Encoding.UTF8.GetBytes("   at A.B()"),
        ["MT-Fault-RetryCount"] = 3,
        ["MT-Host-MachineName"] = Encoding.UTF8.GetBytes("vm"),
        ["x-dotnet-pub-seq-no"] = 7L,
    };

    public static DeadLetter Read(string queue, string body, Dictionary<string, object?> headers, string? messageId = null, string? contentType = "application/json") =>
        DeadLetterDecoder.Decode(queue, 1, new BasicProperties { MessageId = messageId, ContentType = contentType, Headers = headers }, Encoding.UTF8.GetBytes(body));
}
