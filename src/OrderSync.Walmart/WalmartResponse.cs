namespace OrderSync.Walmart;

public sealed record WalmartResponse<T>
{
    public required WalmartOutcome Outcome { get; init; }

    public T? Value { get; init; }

    /// <summary>Null when no HTTP answer was had: refused before the call, timeout, connection fault.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The WM_QOS.CORRELATION_ID sent with the call, to quote to Walmart support.</summary>
    public string CorrelationId { get; init; } = string.Empty;

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<WalmartError> Errors { get; init; } = [];

    /// <summary>When throttled: the moment Walmart (or the client's own limiter) accepts calls again.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>One sentence a merchant understands.</summary>
    public required string Message { get; init; }

    public bool IsSuccess => Outcome == WalmartOutcome.Success;

    /// <summary>The same answer for a call that reads another kind of value: an answer without one keeps everything else.</summary>
    internal WalmartResponse<TOther> Without<TOther>() => new()
    {
        Outcome = Outcome,
        HttpStatus = HttpStatus,
        CorrelationId = CorrelationId,
        Duration = Duration,
        Errors = Errors,
        RetryAt = RetryAt,
        Message = Message,
    };
}
