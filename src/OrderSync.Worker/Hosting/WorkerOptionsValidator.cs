using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Hosting;

/// <summary>Names the key as an operator sets it (<c>Worker__TrackingChangeWindow</c>) for the settings data annotations cannot check.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options) =>
        options.TrackingChangeWindow <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{WorkerOptions.Section}__TrackingChangeWindow must be positive (such as 04:00:00, Walmart's 4 hours)")
            : ValidateOptionsResult.Success;
}
