using MassTransit;
using Npgsql;
using OrderSync.Worker.WalmartOperations;

namespace OrderSync.Worker.Messaging.Redelivery;

/// <summary>Which failures are worth trying again later, and when.</summary>
public static class TransientFailures
{
    public static TransientFailure? Classify(Exception exception) => exception switch
    {
        WalmartThrottledException throttled => new TransientFailure(throttled.RetryAt),
        WalmartUnavailableException => new TransientFailure(null),
        NpgsqlException { IsTransient: true } => new TransientFailure(null),
        TimeoutException => new TransientFailure(null),
        RequestTimeoutException => new TransientFailure(null),
        _ when exception.InnerException is { } inner && exception is not RedeliveryExhaustedException => Classify(inner),
        _ => null,
    };
}
