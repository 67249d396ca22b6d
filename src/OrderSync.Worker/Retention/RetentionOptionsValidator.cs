using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Retention;

/// <summary>Names the key of every fault as an operator sets it, in an environment variable (<c>Retention__BatchSize</c>).</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public const int MaxBatchSize = 10_000;

    private const string Section = RetentionOptions.Section;

    /// <summary>
    /// The shortest age kept: an order untouched for less may still have an operation waiting to be retried
    /// (Worker__RedeliveryHorizon), and a shorter age is more likely a unit mistaken than meant.
    /// </summary>
    public static readonly TimeSpan ShortestAge = TimeSpan.FromDays(1);

    // Far below what a timer can wait, and a pass a day already keeps the backlog to a day's worth of rows.
    private static readonly TimeSpan LongestInterval = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();

        if (options.Interval <= TimeSpan.Zero || options.Interval > LongestInterval)
        {
            failures.Add($"{Section}__Interval must be positive and at most a day (such as 00:10:00)");
        }

        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"{Section}__BatchSize must be between 1 and {MaxBatchSize}");
        }

        ValidateAge(failures, nameof(RetentionOptions.FinishedOrders), options.FinishedOrders);
        ValidateAge(failures, nameof(RetentionOptions.IdleOrders), options.IdleOrders);
        ValidateAge(failures, nameof(RetentionOptions.CallHistory), options.CallHistory);
        ValidateAge(failures, nameof(RetentionOptions.DeadLetterArchive), options.DeadLetterArchive);

        // Idle orders include finished ones: a shorter idle age would take finished orders before their own age.
        if (options.IdleOrders > TimeSpan.Zero && options.FinishedOrders > TimeSpan.Zero && options.IdleOrders < options.FinishedOrders)
        {
            failures.Add($"{Section}__IdleOrders must not be shorter than {Section}__FinishedOrders");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAge(List<string> failures, string key, TimeSpan age)
    {
        if (age != TimeSpan.Zero && age < ShortestAge)
        {
            failures.Add($"{Section}__{key} must be 0 (keep for ever) or at least 1 day (such as 90 or 90.00:00:00 for 90 days)");
        }
    }
}
