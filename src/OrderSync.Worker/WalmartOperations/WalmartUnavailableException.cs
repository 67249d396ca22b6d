namespace OrderSync.Worker.WalmartOperations;

/// <summary>Walmart answered with a transient failure or a throttle: the operation is retried later.</summary>
public sealed class WalmartUnavailableException : Exception
{
    public WalmartUnavailableException(string message)
        : base(message)
    {
    }

    public WalmartUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WalmartUnavailableException()
    {
    }
}
