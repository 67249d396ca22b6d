using Microsoft.Extensions.Options;
using OrderSync.Contracts.Configuration;

namespace OrderSync.Walmart;

/// <summary>
/// Names the configuration key of every fault as an operator sets it, in an environment variable (<c>Walmart__BaseUrl</c>), so
/// that a failed start says what to fix.
/// </summary>
internal sealed class WalmartOptionsValidator : IValidateOptions<WalmartOptions>
{
    private const string Section = WalmartOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WalmartOptions options)
    {
        var failures = new List<string>();

        if (options.BaseUrl is null)
        {
            failures.Add($"{Section}__BaseUrl is missing");
        }
        else if (RemoteEndpoints.HttpsProblem($"{Section}__BaseUrl", options.BaseUrl) is { } problem)
        {
            // The Basic credentials of each token request would otherwise cross the network in clear.
            failures.Add($"{problem} (such as https://marketplace.walmartapis.com)");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add($"{Section}__ServiceName is empty");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__RequestTimeout must be positive");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero)
        {
            failures.Add($"{Section}__TokenRefreshMargin must not be negative");
        }

        if (options.AutoCancelAfterShipBy <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__AutoCancelAfterShipBy must be positive, such as 4.00:00:00 (4 days)");
        }

        if (options.Sellers.Count == 0)
        {
            failures.Add($"{Section}__Sellers is missing: add {Section}__Sellers__{{store_code}}__ClientId and ClientSecret for each Commerce store view");
        }

        foreach (var (storeCode, seller) in options.Sellers)
        {
            if (seller is null || string.IsNullOrWhiteSpace(seller.ClientId))
            {
                failures.Add($"{Section}__Sellers__{storeCode}__ClientId is missing");
            }

            if (seller is null || string.IsNullOrWhiteSpace(seller.ClientSecret))
            {
                failures.Add($"{Section}__Sellers__{storeCode}__ClientSecret is missing");
            }
        }

        foreach (var (carrier, walmartName) in options.Carriers)
        {
            if (string.IsNullOrWhiteSpace(walmartName))
            {
                failures.Add($"{Section}__Carriers__{carrier} is empty");
            }
        }

        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.GetOrder), options.RateLimits.GetOrder);
        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.Shipping), options.RateLimits.Shipping);
        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.Cancel), options.RateLimits.Cancel);
        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.Acknowledge), options.RateLimits.Acknowledge);
        if (options.RateLimits.MaxWait < TimeSpan.Zero)
        {
            failures.Add($"{Section}__RateLimits__MaxWait must not be negative");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRateLimit(List<string> failures, string endpoint, WalmartEndpointRateLimit limit)
    {
        if (limit.PermitsPerMinute <= 0)
        {
            failures.Add($"{Section}__RateLimits__{endpoint}__PermitsPerMinute must be positive");
        }

        if (limit.Burst <= 0)
        {
            failures.Add($"{Section}__RateLimits__{endpoint}__Burst must be positive");
        }
    }
}
