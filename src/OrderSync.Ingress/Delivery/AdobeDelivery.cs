using System.Text;
using System.Text.Json;

namespace OrderSync.Ingress.Delivery;

/// <summary>
/// Reads a verified body: one CloudEvent, or a JSON array of them (batch delivery). Each must carry an id, a type usable as a
/// routing key, and this ingress's client id as <c>recipient_client_id</c>; one bad event refuses the whole delivery.
/// </summary>
public static class AdobeDelivery
{
    /// <summary>AMQP's limit on a routing key.</summary>
    private const int MaxRoutingKeyBytes = 255;

    private const int MaxEventsPerDelivery = 1000;

    public static IReadOnlyList<CommerceCloudEvent> Read(ReadOnlyMemory<byte> body, string clientId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            throw new MalformedDeliveryException("The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return [Event(root, body, clientId)];
                case JsonValueKind.Array when root.GetArrayLength() is > 0 and <= MaxEventsPerDelivery:
                    return [.. root.EnumerateArray().Select(element => Event(element, Encoding.UTF8.GetBytes(element.GetRawText()), clientId))];
                case JsonValueKind.Array:
                    throw new MalformedDeliveryException($"The batch holds {root.GetArrayLength()} events: 1 to {MaxEventsPerDelivery} are taken.");
                default:
                    throw new MalformedDeliveryException("The body is neither a CloudEvent nor an array of CloudEvents.");
            }
        }
    }

    private static CommerceCloudEvent Event(JsonElement element, ReadOnlyMemory<byte> json, string clientId)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedDeliveryException("An element of the batch is not a CloudEvent object.");
        }

        var id = Attribute(element, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new MalformedDeliveryException("A CloudEvent has no id.");
        }

        var type = Attribute(element, "type");
        if (string.IsNullOrEmpty(type) || Encoding.UTF8.GetByteCount(type) > MaxRoutingKeyBytes)
        {
            throw new MalformedDeliveryException("The CloudEvent has no type, or one longer than a routing key may be.", id);
        }

        if (!string.Equals(Attribute(element, "recipient_client_id"), clientId, StringComparison.Ordinal))
        {
            throw new WrongRecipientException(id);
        }

        return new CommerceCloudEvent(id, type, json);
    }

    private static string? Attribute(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
