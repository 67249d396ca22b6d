namespace OrderSync.Ingress.Delivery;

public sealed class WrongRecipientException(string eventId) : Exception("The delivery is addressed to another client id (recipient_client_id).")
{
    public string EventId { get; } = eventId;
}
