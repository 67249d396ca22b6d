namespace OrderSync.Worker.Messaging.Redelivery;

public sealed class RedeliveryExhaustedException : Exception
{
    public RedeliveryExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RedeliveryExhaustedException(string message)
        : base(message)
    {
    }

    public RedeliveryExhaustedException()
    {
    }
}
