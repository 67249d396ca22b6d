namespace OrderSync.Ingress.Delivery;

/// <summary>The delivery cannot be forwarded as it is; the message says why in words safe to answer and to log.</summary>
public sealed class MalformedDeliveryException(string message, string? eventId = null) : Exception(message)
{
    public string? EventId { get; } = eventId;
}
