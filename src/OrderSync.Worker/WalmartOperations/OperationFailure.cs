using OrderSync.Contracts.Events;

namespace OrderSync.Worker.WalmartOperations;

/// <summary>How an attempt at an operation ended when it did not succeed; caught within the consumer.</summary>
internal sealed class OperationFailure : Exception
{
    private OperationFailure(bool isPermanent, string errorSource, string message, IReadOnlyList<WalmartErrorDetail> errors, DateTimeOffset? retryAt = null, bool isThrottled = false)
        : base(message)
    {
        IsPermanent = isPermanent;
        IsThrottled = isThrottled;
        RetryAt = retryAt;
        ErrorSource = errorSource;
        Errors = errors;
    }

    public bool IsPermanent { get; }

    public bool IsThrottled { get; }

    public DateTimeOffset? RetryAt { get; }

    public string ErrorSource { get; }

    public IReadOnlyList<WalmartErrorDetail> Errors { get; }

    public static OperationFailure Permanent(string errorSource, string message, IReadOnlyList<WalmartErrorDetail>? errors = null) =>
        new(true, errorSource, message, errors ?? []);

    public static OperationFailure Throttled(string message, DateTimeOffset? retryAt) =>
        new(false, ErrorSources.Integration, message, [], retryAt, isThrottled: true);

    public static OperationFailure Transient(string message, IReadOnlyList<WalmartErrorDetail> errors) =>
        new(false, ErrorSources.Integration, message, errors);
}
