using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using RabbitMQ.Client;

namespace OrderSync.Cli.DeadLetters;

/// <summary>What the commands print of a dead letter, in tables and as JSON.</summary>
public static class DeadLetterViews
{
    public static JsonObject Summary(DeadLetter message) => new()
    {
        ["id"] = message.Id,
        ["queue"] = message.Queue,
        ["targetQueue"] = message.TargetQueue,
        ["requeueRefused"] = message.RequeueRefusal,
        ["purchaseOrderId"] = message.PurchaseOrderId,
        ["faultedAt"] = message.FaultedAt,
        ["reason"] = message.Reason,
        ["exceptionType"] = message.ExceptionType,
        ["messageId"] = message.MessageId,
    };

    public static JsonObject Details(DeadLetter message)
    {
        var details = Summary(message);
        details["consumerType"] = HeaderValues.Text(message.Headers, FaultHeaders.ConsumerType);
        details["messageType"] = HeaderValues.Text(message.Headers, FaultHeaders.MessageType);
        details["retryCount"] = HeaderValues.Json(message.Headers.GetValueOrDefault(FaultHeaders.RetryCount));
        details["stackTrace"] = message.StackTrace;
        details["properties"] = new JsonObject(Properties(message.Properties).Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.Value))));
        details["headers"] = HeaderValues.Json(message.Headers);
        var (kind, text) = Body(message.Body.Span);
        details["bodyEncoding"] = kind;
        details["body"] = kind switch
        {
            "json" => JsonNode.Parse(text),
            "text" => Encoding.UTF8.GetString(message.Body.Span),
            _ => Convert.ToBase64String(message.Body.Span),
        };
        return details;
    }

    /// <summary>The AMQP properties the message has, under their AMQP names.</summary>
    public static IReadOnlyList<(string Name, string? Value)> Properties(IReadOnlyBasicProperties properties)
    {
        var list = new List<(string, string?)>();
        void Add(bool present, string name, string? value)
        {
            if (present)
            {
                list.Add((name, value));
            }
        }

        Add(properties.IsMessageIdPresent(), "message_id", properties.MessageId);
        Add(properties.IsCorrelationIdPresent(), "correlation_id", properties.CorrelationId);
        Add(properties.IsContentTypePresent(), "content_type", properties.ContentType);
        Add(properties.IsContentEncodingPresent(), "content_encoding", properties.ContentEncoding);
        Add(properties.IsDeliveryModePresent(), "delivery_mode", properties.DeliveryMode == DeliveryModes.Persistent ? "persistent" : "transient");
        Add(properties.IsPriorityPresent(), "priority", properties.Priority.ToString(CultureInfo.InvariantCulture));
        Add(properties.IsTimestampPresent(), "timestamp", HeaderValues.Text(properties.Timestamp));
        Add(properties.IsTypePresent(), "type", properties.Type);
        Add(properties.IsAppIdPresent(), "app_id", properties.AppId);
        Add(properties.IsUserIdPresent(), "user_id", properties.UserId);
        Add(properties.IsReplyToPresent(), "reply_to", properties.ReplyTo);
        Add(properties.IsExpirationPresent(), "expiration", properties.Expiration);
        return list;
    }

    /// <summary>The body for reading: pretty JSON when it is JSON, the text when it is UTF-8, else base64.</summary>
    public static (string Kind, string Text) Body(ReadOnlySpan<byte> body)
    {
        if (JsonBody.TryParse(body, out var document))
        {
            using (document)
            {
                return ("json", JsonSerializer.Serialize(document.RootElement, Infrastructure.JsonOutput.Options));
            }
        }

        return Utf8.IsValid(body) ? ("text", Encoding.UTF8.GetString(body)) : ("base64", Convert.ToBase64String(body));
    }
}
