using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Reconciliation;

/// <summary>Names the key of every fault as an operator sets it (<c>Reconciliation__Interval</c>).</summary>
public sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    private const string Section = ReconciliationOptions.Section;

    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options)
    {
        var failures = new List<string>();
        if (options.Interval <= TimeSpan.Zero || options.Interval > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}__Interval must be positive and at most a day (such as 00:10:00)");
        }

        if (options.StuckOperationAfter <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__StuckOperationAfter must be positive (such as 1.02:00:00)");
        }

        if (options.TrackWaitWarning <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__TrackWaitWarning must be positive (such as 1.00:00:00)");
        }

        if (options.TrackWaitError < options.TrackWaitWarning)
        {
            failures.Add($"{Section}__TrackWaitError must be at least {Section}__TrackWaitWarning");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
