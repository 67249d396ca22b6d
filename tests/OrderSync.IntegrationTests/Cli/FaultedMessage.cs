using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Cli;

/// <summary>A message as MassTransit leaves it in an _error queue: the body as it was, and the fault headers.</summary>
public sealed record FaultedMessage
{
    public required string Queue { get; init; }
    public required byte[] Body { get; init; }
    public string? MessageId { get; init; }
    public string? ContentType { get; init; } = "application/json";
    public string ExceptionType { get; init; } = "OrderSync.Worker.Inbound.InvalidCommerceEventException";
    public string FaultMessage { get; init; } = "data.value.ext_order_id is missing";
    public DateTimeOffset FaultedAt { get; init; } = DateTimeOffset.UtcNow;
    public string? PurchaseOrderHeader { get; init; }

    private readonly string? _inputQueue;

    /// <summary>The queue it failed on, named by its MT-Fault-InputAddress: by default the dead-letter queue's source.</summary>
    public string InputQueue
    {
        get => _inputQueue ?? Queue[..Queue.LastIndexOf('_')];
        init => _inputQueue = value;
    }

    public static FaultedMessage CommerceEvent(string purchaseOrderId, string reason, DateTimeOffset? faultedAt = null, string? messageId = null) => new()
    {
        Queue = "walmart-sync.commerce-events_error",
        Body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["type"] = "com.adobe.commerce.observer.sales_order_shipment_save_after",
            ["source"] = "urn:test",
            ["data"] = new JsonObject { ["value"] = new JsonObject { ["ext_order_id"] = purchaseOrderId, ["store_code"] = "walmart_us" } },
        }),
        MessageId = messageId,
        ContentType = "application/cloudevents+json",
        FaultMessage = reason,
        FaultedAt = faultedAt ?? DateTimeOffset.UtcNow,
    };

    public static FaultedMessage Operation(string purchaseOrderId, string reason, DateTimeOffset? faultedAt = null) => new()
    {
        Queue = "walmart-sync.walmart-operations_error",
        Body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray("urn:message:OrderSync.Contracts.Commands:ExecuteWalmartOperation"),
            ["message"] = new JsonObject { ["operationId"] = Guid.NewGuid().ToString(), ["kind"] = 0, ["purchaseOrderId"] = purchaseOrderId, ["storeCode"] = "walmart_us" },
        }.ToJsonString()),
        MessageId = Guid.NewGuid().ToString(),
        ContentType = "application/vnd.masstransit+json",
        ExceptionType = "OrderSync.Worker.WalmartOperations.OperationRefusedException",
        FaultMessage = reason,
        FaultedAt = faultedAt ?? DateTimeOffset.UtcNow,
    };

    public Dictionary<string, object?> Headers()
    {
        var headers = new Dictionary<string, object?>
        {
            ["MT-Host-MachineName"] = "test-host",
            ["MT-Host-ProcessName"] = "OrderSync.Worker",
            ["MT-Host-MassTransitVersion"] = "8.5.12.0",
            ["MT-Reason"] = "fault",
            ["MT-Fault-ExceptionType"] = ExceptionType,
            ["MT-Fault-InputAddress"] = $"rabbitmq://127.0.0.1/vhost/{InputQueue}",
            ["MT-Fault-Message"] = FaultMessage,
            ["MT-Fault-Timestamp"] = FaultedAt.UtcDateTime.ToString("O"),
            ["MT-Fault-StackTrace"] = $"   at OrderSync.Worker.Consumer.Consume(ConsumeContext context) in /src/Consumer.cs:line 42{Environment.NewLine}   at MassTransit.Pipe.Send()",
            ["MT-Fault-ConsumerType"] = "OrderSync.Worker.Inbound.CommerceEventConsumer",
            ["MT-Fault-MessageType"] = "System.Text.Json.JsonElement",
            ["MT-Fault-RetryCount"] = 3,
        };
        if (PurchaseOrderHeader is not null)
        {
            headers["x-purchase-order-id"] = PurchaseOrderHeader;
        }

        return headers;
    }
}
