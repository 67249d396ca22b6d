namespace OrderSync.Worker.WalmartOperations;

/// <summary>Walmart (or the client's own rate limiter) asks to wait: the operation comes back at <see cref="RetryAt"/>, not counted as a failure.</summary>
public sealed class WalmartThrottledException : Exception
{
    public WalmartThrottledException(string message, DateTimeOffset? retryAt)
        : base(message) => RetryAt = retryAt;

    public WalmartThrottledException()
    {
    }

    public WalmartThrottledException(string message)
        : base(message)
    {
    }

    public WalmartThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DateTimeOffset? RetryAt { get; }
}
