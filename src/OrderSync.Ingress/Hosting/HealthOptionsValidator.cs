using Microsoft.Extensions.Options;

namespace OrderSync.Ingress.Hosting;

public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        ListenUrls.Fault($"{HealthOptions.Section}__Urls", options.Urls) is { } fault ? ValidateOptionsResult.Fail(fault) : ValidateOptionsResult.Success;
}
