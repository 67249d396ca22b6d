using System.Globalization;
using System.Text.Json;
using RabbitMQ.Client;

namespace OrderSync.Operations.DeadLetters;

/// <summary>Turns a message read from a dead-letter queue into a <see cref="DeadLetter"/>.</summary>
public static class DeadLetterDecoder
{
    public static DeadLetter Decode(string queue, ulong deliveryTag, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var headers = properties.Headers is { } raw
            ? new Dictionary<string, object?>(raw, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        var faultTimestamp = HeaderValues.Text(headers, FaultHeaders.Timestamp);
        var target = RequeueTarget.Of(queue, HeaderValues.Text(headers, FaultHeaders.InputAddress));

        return new DeadLetter
        {
            Id = MessageIds.For(properties.MessageId, body.Span, faultTimestamp),
            Queue = queue,
            TargetQueue = target.Queue,
            RequeueRefusal = target.Refusal,
            DeliveryTag = deliveryTag,
            Properties = properties,
            Headers = headers,
            Body = body,
            Reason = Reason(queue, headers, body.Span),
            ExceptionType = HeaderValues.Text(headers, FaultHeaders.ExceptionType),
            StackTrace = HeaderValues.Text(headers, FaultHeaders.StackTrace),
            FaultedAt = FaultTime(faultTimestamp, properties),
            PurchaseOrderId = PurchaseOrders.Find(headers, body.Span),
        };
    }

    private static string Reason(string queue, IReadOnlyDictionary<string, object?> headers, ReadOnlySpan<byte> body)
    {
        if (HeaderValues.Text(headers, FaultHeaders.Message) is { Length: > 0 } message)
        {
            return message.Trim();
        }

        if (DeadLetterQueueNames.IsSkipped(queue))
        {
            return MessageType(body) is { } type ? $"no consumer for {type}" : "no consumer for this message";
        }

        return HeaderValues.Text(headers, FaultHeaders.Reason) is { Length: > 0 } reason ? reason : "unknown";
    }

    private static DateTimeOffset? FaultTime(string? faultTimestamp, IReadOnlyBasicProperties properties)
    {
        if (DateTimeOffset.TryParse(faultTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var faultedAt))
        {
            return faultedAt.ToUniversalTime();
        }

        return properties.IsTimestampPresent() && properties.Timestamp.UnixTime > 0
            ? DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime)
            : null;
    }

    /// <summary>The first message type of a MassTransit envelope (<c>urn:message:Namespace:Type</c>).</summary>
    private static string? MessageType(ReadOnlySpan<byte> body)
    {
        if (!JsonBody.TryParse(body, out var document))
        {
            return null;
        }

        using (document)
        {
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array
                && types.GetArrayLength() > 0
                && types[0].ValueKind == JsonValueKind.String
                ? types[0].GetString()
                : null;
        }
    }
}
